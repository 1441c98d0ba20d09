using Microsoft.Extensions.Logging;
using Segments.Core.Cost;
using Segments.Core.Segmentation;
using Segments.Core.Transactions;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Cost;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.Generations;
using Segments.Storage.Metering;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Recompute;

/// <summary>
/// The timer-triggered use case: reads every accepted batch, scores every customer as of the run's date,
/// writes a new generation and then flips the active pointer to it. One run at a time (blob lease, renewed
/// while the run lasts; a run that loses it stops). The pointer only moves forward (<see cref="RunOrder"/>),
/// and cleanup never deletes the active generation nor the one being written.
/// </summary>
public sealed partial class RecomputeSegmentsHandler(
    BatchLedger batches,
    NormalizedBatchStore normalized,
    RunLedger runs,
    GenerationStore generations,
    RunLease lease,
    StrandedRuns stranded,
    RuleSegmentLoader ruleSegments,
    Microsoft.Extensions.Options.IOptions<PredictionOptions> predictionOptions,
    Microsoft.Extensions.Options.IOptions<SegmentsOptions> segmentsOptions,
    CostAccounting costs,
    TimeProvider time,
    ILogger<RecomputeSegmentsHandler> logger,
    RunInsights insights,
    Delivery.DeliveryOutbox? outbox = null,
    RunRecommendations? recommendations = null,
    State.RunStateReader? state = null,
    Scale.BucketedRun? bucketed = null)
{
    /// <summary>Generations kept after a run: the active one and two before it (for comparisons).</summary>
    public const int GenerationsKept = 3;

    // How long a run's final record is retried while storage is unreachable, so an outage that ends within
    // this time still leaves the run saying why it failed (else the stranded-run check fails it later, as
    // the row still says running).
    private static readonly TimeSpan RecordPatience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RecordRetryEvery = TimeSpan.FromSeconds(2);

    // Built here from the same ledger and store, rather than injected, so the constructor stays as hosts and tests know it.
    private readonly ProfileBatchReader _profileBatches = new(batches, normalized);
    private readonly BehaviourStage _behaviour = new(batches, normalized);

    /// <summary>
    /// Executes a queued run and returns its final record. A finished run is returned unchanged, so a
    /// redelivered request is harmless; a run found running under the lease was stranded by a runner that
    /// died, and is failed as <see cref="StrandedRuns"/> would. The run records what it used, stage by stage,
    /// and what that cost.
    /// </summary>
    public async Task<RunRecord?> ExecuteAsync(string runId, CancellationToken cancellationToken)
    {
        var meter = UsageMeter.Start(RunStages.Housekeeping, time);
        (RunRecord? Run, CostRates? Rates, bool Executed, bool Settled) executed;
        using (meter)
        {
            executed = await ExecuteMeteredAsync(runId, meter, cancellationToken).ConfigureAwait(false);
        }

        if (executed is not (Run: { } run, Rates: var rates, Executed: true, Settled: var settled))
        {
            return executed.Run;
        }

        // The measurement ends once the lease is released, so this write, which records it, is the one
        // request of the run that its cost leaves out (a single Table transaction). Not cancellable: a run
        // that has finished gets its record completed even when the host is stopping.
        var usage = meter.Stop();
        var cost = rates is null ? null : costs.Price(usage, rates);
        run = run with { StageDurationsMs = StageDurations(usage), Usage = usage, CostUsd = cost };
        if (!settled)
        {
            // What storage refused during an outage is done as soon as it answers again, before the row
            // says failed: once it does, nothing of the run is left.
            var failed = run;
            run = await WhileStorageUnavailableAsync(() => SettleFailedAsync(failed)).ConfigureAwait(false);
        }

        var final = run;
        await WhileStorageUnavailableAsync(async () =>
        {
            await runs.SaveAsync(final, CancellationToken.None).ConfigureAwait(false);
            return final;
        }).ConfigureAwait(false);
        if (cost is not null)
        {
            LogRunCost(run.RunId, cost.Total, usage.Requests.Total, usage.WallMs);
        }

        return run;
    }

    /// <summary>Everything the run does under its lease; not executed when there was nothing to execute.</summary>
    private async Task<(RunRecord? Run, CostRates? Rates, bool Executed, bool Settled)> ExecuteMeteredAsync(string runId, UsageMeter meter, CancellationToken cancellationToken)
    {
        var held = await lease.AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using (held.ConfigureAwait(false))
        {
            var run = await runs.GetAsync(runId, cancellationToken).ConfigureAwait(false);
            if (run is null || run.Status is RunStatus.Succeeded or RunStatus.Failed)
            {
                return (run, null, false, true);
            }

            if (run.Status == RunStatus.Running)
            {
                // The lease is ours, so nobody is running it: its runner died (a redelivered request).
                var failed = await stranded.FailStrandedAsync(cancellationToken).ConfigureAwait(false);
                return (failed.FirstOrDefault(r => r.RunId == runId) ?? await runs.GetAsync(runId, cancellationToken).ConfigureAwait(false), null, false, true);
            }

            CostRates? rates = null;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, held.Lost);
            try
            {
                rates = await costs.LoadRatesAsync(stop.Token).ConfigureAwait(false);
                run = run with { Status = RunStatus.Running, StartedAt = time.GetUtcNow() };
                await runs.SaveAsync(run, stop.Token).ConfigureAwait(false);
                // From here the run executes: its stages' memory is logged as each ends (a redelivered message of a
                // finished run, or one naming no run, logs only its one line).
                meter.StageEnded += stage => Diagnostics.StageMemoryLog.Ended(logger, runId, stage);
                run = await ComputeAsync(run, meter, stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                var reason = cancellationToken.IsCancellationRequested
                    ? "interrupted: the host stopped during the run; the previous generation stayed active"
                    : held.Lost.IsCancellationRequested
                        ? RunFailure.StorageUnavailable + $"the run lease could not be renewed for {RunLease.Duration.TotalSeconds:0} s, so the run stopped; the previous generation stayed active"
                        : RunFailure.Describe(ex);
                LogRunFailed(ex, run.RunId, reason);

                // A half-written generation is never pointed at; drop it so it does not linger. The failure
                // itself is recorded with the run's cost, once the lease is released.
                meter.BeginStage(RunStages.Housekeeping);
                var failed = run with { Status = RunStatus.Failed, FinishedAt = time.GetUtcNow(), Error = reason, GenerationTable = null, SegmentProfilesBlob = null };
                try
                {
                    return (await SettleFailedAsync(failed).ConfigureAwait(false), rates, true, true);
                }
                catch (Exception removal) when (RunFailure.IsStorageUnavailable(removal))
                {
                    // Settled with the final record, once storage answers again.
                    LogHousekeepingFailed(run.RunId, RunFailure.Describe(removal));
                    return (failed, rates, true, false);
                }
            }

            meter.BeginStage(RunStages.Housekeeping);
            try
            {
                await DropOldGenerationsAsync(run, cancellationToken).ConfigureAwait(false);
                await stranded.RemoveLeftoversAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The run is live; what it could not clean up, the next run or the stranded-run check does.
                LogHousekeepingFailed(run.RunId, RunFailure.Describe(ex));
            }

            // The end is taken while the lease is still held: no other run starts before it.
            return (run with { FinishedAt = time.GetUtcNow() }, rates, true, true);
        }
    }

    private async Task<RunRecord> ComputeAsync(RunRecord run, UsageMeter meter, CancellationToken cancellationToken)
    {
        meter.BeginStage(RunStages.Read);
        var aggregator = new SegmentationEngine(run.AsOf, predictionOptions.Value);
        // Newest first: an order id already seen in a newer batch was re-exported or corrected there, and
        // that version replaces every older one.
        var accepted = State.AcceptedBatches.NewestFirst(await batches.ListAsync(cancellationToken).ConfigureAwait(false));
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        var span = new OrderDateSpan();
        var recommendationLines = new Core.Recommendations.RecommendationLineCollector();
        var orders = new ExportedOrders();
        long linesReplaced = 0;
        IReadOnlyList<BatchRecord> batchesToRead = accepted;
        // Bucket by bucket (Segments:BucketedRuns, src/Segments.Pipeline/Scale): the read and score stages in one.
        var recommendationPartials = recommendations?.ForBuckets(run);
        var inBuckets = await ScoreInBucketsAsync(run, accepted, span, meter, recommendationPartials, cancellationToken).ConfigureAwait(false);
        if (inBuckets is not null)
        {
            batchesToRead = [];
        }
        else if (state is not null && segmentsOptions.Value.ReadRunsFromState)
        {
            // The same lines in the same order, from the state merged with only the batches new since (src/Segments.Pipeline/State).
            var fromState = await state.ReadAsync(run.RunId, accepted, line =>
            {
                aggregator.Add(line);
                recommendationLines.Add(line);
                orders.Add(line);
            }, span, cancellationToken).ConfigureAwait(false);
            replaced.UnionWith(fromState.OrderIds);
            linesReplaced = fromState.LinesReplaced;
            batchesToRead = [];
        }

        foreach (var batch in batchesToRead)
        {
            var ordersInBatch = new HashSet<string>(StringComparer.Ordinal);
            var stream = await normalized.OpenReadAsync(batch.NormalizedBlob!, cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream, NormalizedBatchFormat.Encoding);
            await foreach (var line in NormalizedBatchFormat.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                span.Add(line.OrderDate);
                if (replaced.Contains(line.OrderId))
                {
                    linesReplaced++;
                    continue;
                }

                ordersInBatch.Add(line.OrderId);
                aggregator.Add(line);
                recommendationLines.Add(line);
                orders.Add(line);
            }

            replaced.UnionWith(ordersInBatch);
            LogBatchRead(run.RunId, batch.BlobName, aggregator.LinesAdded, linesReplaced);
        }

        // A run request is refused up front when the ledger's order dates show this (SegmentsApi.RequestRunAsync);
        // the check stays here for what that cannot see: the timer's runs, requests made while a ledger row written
        // before the ledger kept dates was accepted, and batches that arrived between the request and the run.
        if (inBuckets is not null)
        {
            try
            {
                span.Check(run.AsOf, segmentsOptions.Value.MaxAsOfDaysAfterLatestOrder);
                return await FinishBucketedAsync(run, accepted.Count, inBuckets, recommendationPartials, meter, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // The passes' blobs, the copy of the buckets' lines the recommender read among them (Scale.BucketedRun
                // keeps them past the passes only for the recommender: without it, the passes' own clean-up removed them).
                if (recommendationPartials is not null)
                {
                    await bucketed!.DropWorkAsync(run.RunId).ConfigureAwait(false);
                }
            }
        }

        span.Check(run.AsOf, segmentsOptions.Value.MaxAsOfDaysAfterLatestOrder);

        var (profiles, profileBatchesRead) = await _profileBatches.ReadAsync(cancellationToken).ConfigureAwait(false);
        var behaviour = await _behaviour.ComputeAsync(run.AsOf, orders.All, segmentsOptions.Value.Behaviour, cancellationToken).ConfigureAwait(false);

        meter.BeginStage(RunStages.Score);
        foreach (var line in behaviour.OrdersOnlyEventsSaw(replaced))
        {
            aggregator.Add(line);
        }

        var ruleInputs = (await ruleSegments.LoadAsync(cancellationToken).ConfigureAwait(false)) with { BehaviourFacts = behaviour.Facts, Events = behaviour.Events };
        var histories = behaviour.Histories(ruleInputs.Products);
        var scored = aggregator.Compute(ruleInputs.Segments, profiles.Newest, ruleInputs.Products, histories);
        var linesAdded = aggregator.LinesAdded;
        var eventOnly = histories is null ? [] : EventOnlyCustomers.Evaluate(ruleInputs.Segments, histories, scored);
        var result = BehaviourRun.CountingRuleMembersWithoutOrders(scored, eventOnly);
        await RefuseEmptyAsync(run, result.Customers.Count, cancellationToken).ConfigureAwait(false);

        var insight = await insights.ComputeAsync(run with { BehaviourSegments = behaviour.Sizes }, result, behaviour.WithCustomersWithoutOrders(result.Customers.Select(ToRow), eventOnly), cancellationToken, Demographics(result)).ConfigureAwait(false);

        // Scoring's last computing, before anything of the generation is written: from here to the flip the run only
        // writes. The run's behaviour events: products viewed or added and not bought count as weaker signals.
        // Every family's segments (behaviour and predictive included), for what lists them before the run record is final.
        var shaped = run.WithSegmentSizes(result) with { BehaviourSegments = behaviour.Sizes, Predictions = result.Predictions };
        var recommendationSet = recommendations?.Compute(
            shaped,
            recommendationLines,
            behaviour.Events,
            insight.Rows,
            cancellationToken);

        meter.BeginStage(RunStages.Write);
        var table = GenerationStore.TableNameFor(run.RunId);
        var rows = insight.Rows;
        await generations.WriteAsync(table, rows, CustomerBucket.DefaultCount, cancellationToken).ConfigureAwait(false);
        var profilesBlob = await insights.SaveProfilesAsync(insight, cancellationToken).ConfigureAwait(false);

        var recommended = recommendations is null ? null : await recommendations.SaveAsync(recommendationSet, cancellationToken).ConfigureAwait(false);
        if (segmentsOptions.Value.DiagnosticPauseBeforeFlipSeconds > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(segmentsOptions.Value.DiagnosticPauseBeforeFlipSeconds), time, cancellationToken).ConfigureAwait(false);
        }

        // The destinations' outbox, before the flip: a run that fails from here on has its deliveries cancelled by the sender.
        if (outbox is not null)
        {
            await outbox.WriteAsync(shaped, rows, cancellationToken).ConfigureAwait(false);
        }

        meter.BeginStage(RunStages.Flip);
        var finished = run.WithSegmentSizes(result) with
        {
            BatchesRead = accepted.Count,
            TransactionsRead = linesAdded,
            CustomersScored = rows.Count,
            RfGrid = Core.Rfm.RfGrid.Count(result.Rfm.Customers),
            LifecycleThresholds = result.Lifecycle.Thresholds,
            Predictions = result.Predictions,
            RuleErrors = ruleInputs.Errors,
            ProductCatalogErrors = ruleInputs.ProductErrors,
            Profiles = profileBatchesRead == 0
                ? null
                : new ProfileRunSummary(
                    profileBatchesRead,
                    profiles.RecordsAdded,
                    profiles.Customers,
                    profiles.Customers - result.ProfilesWithoutOrders,
                    result.ProfilesWithoutOrders,
                    profiles.ConflictingCustomers,
                    profiles.ConflictExamples.Select(c => c.ToString()).ToList()),
            BehaviourSegments = behaviour.Sizes,
            GenerationTable = table,
            BucketCount = CustomerBucket.DefaultCount,
            StageDurationsMs = StageDurations(meter.Snapshot()),
        };
        finished = insight.AddTo(finished, profilesBlob) with { Recommendations = recommended };

        return await ActivateAsync(run, finished, accepted.Count, linesAdded, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The end of a bucketed run (<see cref="Scale.BucketedRun"/>): its buckets wrote the generation's rows and left
    /// their outcomes, added up in <paramref name="bucketed"/>; the run record, segment profiles, recommendations and
    /// outbox are made from those, as the whole-population run makes them from every row.
    /// </summary>
    private async Task<RunRecord> FinishBucketedAsync(
        RunRecord run, int batchesRead, Scale.BucketedRunResult bucketed, BucketedRecommendationPartials? recommendationPartials, UsageMeter meter, CancellationToken cancellationToken)
    {
        var (totals, model, rules) = (bucketed.Totals, bucketed.Model, bucketed.Inputs.Rules);
        await RefuseEmptyAsync(run, totals.Customers, cancellationToken).ConfigureAwait(false);
        var insight = totals.Insights(Scale.BucketSegmentFrame.Of(run, model, rules.Segments), model, bucketed.Experiments);
        var sized = totals.WithSegmentSizes(run, model, rules.Segments);
        var shaped = sized with { BehaviourSegments = [], Predictions = totals.Predictions(model) };
        // The recommender from the buckets' merged statistics; it reads each bucket's lines and rows again and writes
        // each bucket's lists (RunRecommendations.ComputeBucketedAsync).
        var recommendationSet = recommendations is not null && recommendationPartials is not null
            ? await recommendations.ComputeBucketedAsync(
                shaped,
                recommendationPartials,
                bucketed.BucketCount,
                bucketed.BucketLines,
                (bucket, ct) => generations.ScanPartitionAsync(bucketed.GenerationTable, bucket, ct),
                cancellationToken).ConfigureAwait(false)
            : null;

        meter.BeginStage(RunStages.Write);
        var profilesBlob = await insights.SaveProfilesAsync(insight, cancellationToken).ConfigureAwait(false);
        var recommended = recommendations is null ? null : await recommendations.SaveAsync(recommendationSet, cancellationToken).ConfigureAwait(false);
        if (segmentsOptions.Value.DiagnosticPauseBeforeFlipSeconds > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(segmentsOptions.Value.DiagnosticPauseBeforeFlipSeconds), time, cancellationToken).ConfigureAwait(false);
        }

        if (outbox is not null)
        {
            await outbox.WriteBucketedAsync(shaped, bucketed.GenerationTable, bucketed.BucketCount, cancellationToken).ConfigureAwait(false);
        }

        meter.BeginStage(RunStages.Flip);
        var profiles = bucketed.Inputs.Profiles;
        var profilesWithoutOrders = profiles.Customers - totals.ProfilesWithOrders;
        var finished = sized with
        {
            BatchesRead = batchesRead,
            TransactionsRead = bucketed.LinesAdded,
            CustomersScored = totals.Customers,
            RfGrid = totals.RfGridCounts,
            LifecycleThresholds = model.Lifecycle,
            Predictions = shaped.Predictions,
            RuleErrors = rules.Errors,
            ProductCatalogErrors = rules.ProductErrors,
            Profiles = bucketed.Inputs.ProfileBatchesRead == 0
                ? null
                : new ProfileRunSummary(
                    bucketed.Inputs.ProfileBatchesRead,
                    profiles.RecordsAdded,
                    profiles.Customers,
                    profiles.Customers - profilesWithoutOrders,
                    profilesWithoutOrders,
                    profiles.ConflictingCustomers,
                    profiles.ConflictExamples.Select(c => c.ToString()).ToList()),
            BehaviourSegments = [],
            GenerationTable = bucketed.GenerationTable,
            BucketCount = bucketed.BucketCount,
            StageDurationsMs = StageDurations(meter.Snapshot()),
        };
        finished = insight.AddTo(finished, profilesBlob) with { Recommendations = recommended };
        return await ActivateAsync(run, finished, batchesRead, bucketed.LinesAdded, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Refuses a run that scored nobody while the active run has customers, unless it was asked with <c>allowEmpty</c>.
    /// The active run is read only when this one is empty: a run with customers makes no request here.
    /// </summary>
    private async Task RefuseEmptyAsync(RunRecord run, int customers, CancellationToken cancellationToken)
    {
        if (customers == 0 && !run.AllowEmpty && await ActiveRunRecordAsync(cancellationToken).ConfigureAwait(false) is { CustomersScored: > 0 } active)
        {
            throw new RunRefusedException(
                $"the run scored 0 customers as of {run.AsOf:yyyy-MM-dd}, and would hide the {active.CustomersScored} customers of active run {active.RunId}; "
                + "it stays active. Ask with \"allowEmpty\": true to replace it with an empty generation.");
        }
    }

    /// <summary>Saves the complete record of <paramref name="run"/>, flips the active pointer to it (unless a newer run is active) and marks it succeeded.</summary>
    private async Task<RunRecord> ActivateAsync(RunRecord run, RunRecord finished, int batchesRead, long linesAdded, CancellationToken cancellationToken)
    {
        var table = finished.GenerationTable!;
        // The run row is complete before the pointer names it, so whatever a reader finds through the
        // pointer is already whole; it says succeeded once the pointer moved (a runner that dies in between
        // leaves it running, and the stranded-run check settles it by the pointer).
        await runs.SaveAsync(finished, cancellationToken).ConfigureAwait(false);

        // Under the lease, so no other run moves the pointer between this read and the flip. An older
        // request that finishes late (redelivered, or queued behind a newer one) never replaces a newer run.
        var current = await ActiveRunRecordAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (current is null || RunOrder.IsNewerThan(run, current))
        {
            await runs.FlipActiveAsync(new ActiveRun(run.RunId, run.AsOf, table, finished.BucketCount), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            LogNotActivated(run.RunId, current.RunId);
        }

        finished = finished with { Status = RunStatus.Succeeded };
        await runs.SaveAsync(finished, cancellationToken).ConfigureAwait(false);
        LogRunSucceeded(run.RunId, run.AsOf, batchesRead, linesAdded, finished.CustomersScored);
        return finished;
    }

    /// <summary>
    /// The run's lines read and scored bucket by bucket (<see cref="Scale.BucketedRun"/>), or null when runs score the
    /// whole population: the setting is off, runs do not read from the state, or behaviour events need every order.
    /// </summary>
    private async Task<Scale.BucketedRunResult?> ScoreInBucketsAsync(
        RunRecord run, IReadOnlyList<BatchRecord> accepted, OrderDateSpan span, UsageMeter meter, BucketedRecommendationPartials? recommendationPartials, CancellationToken cancellationToken)
    {
        if (bucketed is null || state is null || !segmentsOptions.Value.ReadRunsFromState || !segmentsOptions.Value.BucketedRuns
            || !await bucketed.AppliesAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return await bucketed.ComputeAsync(run, accepted, span, recommendationPartials, () => meter.BeginStage(RunStages.Score), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ledger row of the run the active pointer names, or null before the first run.</summary>
    private async Task<RunRecord?> ActiveRunRecordAsync(CancellationToken cancellationToken)
    {
        var pointer = await runs.GetActiveAsync(cancellationToken).ConfigureAwait(false);
        return pointer is null ? null : await runs.GetAsync(pointer.RunId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Drops what a failed attempt wrote (its generation table and segment profiles) and returns the record to
    /// save. When the pointer names the run, though, it failed after its flip (an answer lost on the way back):
    /// its generation is live and whole, so it is kept, and the run, as its complete row says, succeeded.
    /// </summary>
    private async Task<RunRecord> SettleFailedAsync(RunRecord failed)
    {
        if ((await runs.GetActiveAsync(CancellationToken.None).ConfigureAwait(false))?.RunId == failed.RunId
            && await runs.GetAsync(failed.RunId, CancellationToken.None).ConfigureAwait(false) is { GenerationTable: not null } complete)
        {
            return complete with { Status = RunStatus.Succeeded, FinishedAt = failed.FinishedAt };
        }

        await generations.DeleteAsync(GenerationStore.TableNameFor(failed.RunId), CancellationToken.None).ConfigureAwait(false);
        await insights.DropProfilesAsync(failed.RunId, CancellationToken.None).ConfigureAwait(false);
        await (recommendations?.DropAsync(failed.RunId, CancellationToken.None) ?? Task.CompletedTask).ConfigureAwait(false);
        return failed;
    }

    /// <summary>
    /// Runs <paramref name="write"/>, retrying while storage is unreachable (at most <see cref="RecordPatience"/>),
    /// so an outage that ends within that time still leaves the run saying why it failed.
    /// </summary>
    private async Task<T> WhileStorageUnavailableAsync<T>(Func<Task<T>> write)
    {
        var deadline = time.GetUtcNow() + RecordPatience;
        while (true)
        {
            try
            {
                return await write().ConfigureAwait(false);
            }
            catch (Exception ex) when (RunFailure.IsStorageUnavailable(ex) && time.GetUtcNow() < deadline)
            {
                await Task.Delay(RecordRetryEvery, time).ConfigureAwait(false);
            }
        }
    }

    // Segment profiles show age and gender mixes only where customer exports gave them; a store that never
    // sent one gets no (empty) mixes at all.
    private static Dictionary<string, Core.SegmentProfiles.CustomerDemographics>? Demographics(SegmentationResult result)
    {
        var known = result.Customers
            .Where(c => c.Profile is not null)
            .ToDictionary(c => c.CustomerId, c => new Core.SegmentProfiles.CustomerDemographics(c.Profile!.AgeBand, c.Profile.Gender), StringComparer.Ordinal);
        return known.Count == 0 ? null : known;
    }

    // The computation's stages, as GET /api/runs has always shown them; housekeeping is in the usage.
    private static Dictionary<string, long> StageDurations(UsageReport usage) =>
        usage.Stages.Where(s => s.Key != RunStages.Housekeeping).ToDictionary(s => s.Key, s => s.Value.WallMs);

    /// <summary>One scored customer's generation row (before experiment groups and behaviour).</summary>
    internal static CustomerSegmentRow ToRow(CustomerSegmentation c) =>
        new(c.CustomerId, c.Rfm.Metrics.RecencyDays, c.Rfm.Metrics.Frequency, c.Rfm.Metrics.Monetary, c.Rfm.R, c.Rfm.F, c.Rfm.M, c.Rfm.Code, c.Rfm.Segment, c.Rfm.Metrics.Country)
        {
            FirstOrderDate = c.FirstOrderDate,
            LastOrderDate = c.LastOrderDate,
            LifecycleStage = c.LifecycleStage,
            Cluster = c.Cluster,
            RuleSegments = c.RuleSegments,
            Prediction = c.Prediction,
            RuleClauses = c.RuleClauses,
            Profile = c.Profile,
        };

    /// <summary>
    /// Keeps the generations of the <see cref="GenerationsKept"/> newest succeeded runs (in run order, not by
    /// finishing time), and always the active one and the one just written.
    /// </summary>
    private async Task DropOldGenerationsAsync(RunRecord current, CancellationToken cancellationToken)
    {
        var active = await runs.GetActiveAsync(cancellationToken).ConfigureAwait(false);
        var stale = (await runs.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => r.Status == RunStatus.Succeeded)
            .Order(Comparer<RunRecord>.Create((a, b) => RunOrder.Compare(b, a)))
            .Skip(GenerationsKept)
            .Where(r => r.GenerationTable is not null && r.RunId != current.RunId && r.RunId != active?.RunId)
            .ToList();
        foreach (var run in stale)
        {
            await generations.DeleteAsync(run.GenerationTable!, cancellationToken).ConfigureAwait(false);
            await insights.DropProfilesAsync(run.RunId, cancellationToken).ConfigureAwait(false);
            await (recommendations?.DropAsync(run.RunId, cancellationToken) ?? Task.CompletedTask).ConfigureAwait(false);
            await runs.SaveAsync(run with { GenerationTable = null, SegmentProfilesBlob = null }, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: read {BlobName} ({Lines} lines so far; {Replaced} lines of orders replaced by newer batches)")]
    private partial void LogBatchRead(string runId, string blobName, long lines, long replaced);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} as of {AsOf} succeeded: {Batches} batches, {Lines} lines, {Customers} customers scored")]
    private partial void LogRunSucceeded(string runId, DateOnly asOf, int batches, long lines, int customers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} cost {CostUsd} USD: {Requests} storage requests, {WallMs} ms")]
    private partial void LogRunCost(string runId, decimal costUsd, long requests, long wallMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed: {Reason}")]
    private partial void LogRunFailed(Exception error, string runId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} succeeded but stays inactive: run {ActiveRunId}, requested later, is active")]
    private partial void LogNotActivated(string runId, string activeRunId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: housekeeping left work for the next run: {Reason}")]
    private partial void LogHousekeepingFailed(string runId, string reason);
}
