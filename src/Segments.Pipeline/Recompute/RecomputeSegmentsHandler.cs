using Microsoft.Extensions.Logging;
using Segments.Core.Cost;
using Segments.Core.Segmentation;
using Segments.Core.Transactions;
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
/// writes a new generation and then flips the active pointer to it. One run at a time (blob lease).
/// </summary>
public sealed partial class RecomputeSegmentsHandler(
    BatchLedger batches,
    NormalizedBatchStore normalized,
    RunLedger runs,
    GenerationStore generations,
    RunLease lease,
    RuleSegmentLoader ruleSegments,
    Microsoft.Extensions.Options.IOptions<PredictionOptions> predictionOptions,
    CostAccounting costs,
    TimeProvider time,
    ILogger<RecomputeSegmentsHandler> logger,
    RunInsights insights)
{
    /// <summary>Generations kept after a run: the active one and two before it (for comparisons).</summary>
    public const int GenerationsKept = 3;

    // Built here from the same ledger and store, rather than injected, so the constructor stays as hosts and tests know it.
    private readonly ProfileBatchReader _profileBatches = new(batches, normalized);

    /// <summary>
    /// Executes a queued run and returns its final record. A run found running (its executor died) is
    /// executed again; a finished run is returned unchanged, so a redelivered request is harmless. The run
    /// records what it used, stage by stage, and what that cost.
    /// </summary>
    public async Task<RunRecord?> ExecuteAsync(string runId, CancellationToken cancellationToken)
    {
        var meter = UsageMeter.Start(RunStages.Housekeeping, time);
        (RunRecord? Run, CostRates? Rates) executed;
        using (meter)
        {
            executed = await ExecuteMeteredAsync(runId, meter, cancellationToken).ConfigureAwait(false);
        }

        if (executed is not (Run: { } run, Rates: { } rates))
        {
            return executed.Run;
        }

        // The measurement ends once the lease is released, so this write, which records it, is the one
        // request of the run that its cost leaves out (a single Table transaction). Not cancellable: a run
        // that has finished gets its record completed even when the host is stopping.
        var usage = meter.Stop();
        var cost = costs.Price(usage, rates);
        run = run with { StageDurationsMs = StageDurations(usage), Usage = usage, CostUsd = cost };
        await runs.SaveAsync(run, CancellationToken.None).ConfigureAwait(false);
        LogRunCost(run.RunId, cost.Total, usage.Requests.Total, usage.WallMs);
        return run;
    }

    /// <summary>Everything the run does under its lease; no rates when there was nothing to execute.</summary>
    private async Task<(RunRecord? Run, CostRates? Rates)> ExecuteMeteredAsync(string runId, UsageMeter meter, CancellationToken cancellationToken)
    {
        var held = await lease.AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using (held.ConfigureAwait(false))
        {
            var run = await runs.GetAsync(runId, cancellationToken).ConfigureAwait(false);
            if (run is null || run.Status is RunStatus.Succeeded or RunStatus.Failed)
            {
                return (run, null);
            }

            var rates = await costs.LoadRatesAsync(cancellationToken).ConfigureAwait(false);
            run = run with { Status = RunStatus.Running, StartedAt = time.GetUtcNow() };
            await runs.SaveAsync(run, cancellationToken).ConfigureAwait(false);
            try
            {
                run = await ComputeAsync(run, meter, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRunFailed(ex, run.RunId);

                // A half-written generation is never pointed at; drop it so it does not linger. The failure
                // itself is recorded with the run's cost, once the lease is released.
                meter.BeginStage(RunStages.Housekeeping);
                await generations.DeleteAsync(GenerationStore.TableNameFor(run.RunId), CancellationToken.None).ConfigureAwait(false);
                await insights.DropProfilesAsync(run.RunId, CancellationToken.None).ConfigureAwait(false);
                return (run with { Status = RunStatus.Failed, FinishedAt = time.GetUtcNow(), Error = $"{ex.GetType().Name}: {ex.Message}" }, rates);
            }

            meter.BeginStage(RunStages.Housekeeping);
            await DropOldGenerationsAsync(cancellationToken).ConfigureAwait(false);

            // The end is taken while the lease is still held: no other run starts before it.
            return (run with { FinishedAt = time.GetUtcNow() }, rates);
        }
    }

    private async Task<RunRecord> ComputeAsync(RunRecord run, UsageMeter meter, CancellationToken cancellationToken)
    {
        meter.BeginStage(RunStages.Read);
        var aggregator = new SegmentationEngine(run.AsOf, predictionOptions.Value);
        // Newest first: an order id already seen in a newer batch was re-exported or corrected there, and
        // that version replaces every older one.
        var accepted = (await batches.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(b => b.Status == BatchStatus.Accepted && b.NormalizedBlob is not null)
            .OrderByDescending(b => b.AcceptedAt ?? b.ReceivedAt)
            .ThenByDescending(b => b.BlobName, StringComparer.Ordinal)
            .ToList();
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        long linesReplaced = 0;
        foreach (var batch in accepted)
        {
            var ordersInBatch = new HashSet<string>(StringComparer.Ordinal);
            var stream = await normalized.OpenReadAsync(batch.NormalizedBlob!, cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream, NormalizedBatchFormat.Encoding);
            await foreach (var line in NormalizedBatchFormat.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                if (replaced.Contains(line.OrderId))
                {
                    linesReplaced++;
                    continue;
                }

                ordersInBatch.Add(line.OrderId);
                aggregator.Add(line);
            }

            replaced.UnionWith(ordersInBatch);
            LogBatchRead(run.RunId, batch.BlobName, aggregator.LinesAdded, linesReplaced);
        }

        var (profiles, profileBatchesRead) = await _profileBatches.ReadAsync(cancellationToken).ConfigureAwait(false);

        meter.BeginStage(RunStages.Score);
        var ruleInputs = await ruleSegments.LoadAsync(cancellationToken).ConfigureAwait(false);
        var result = aggregator.Compute(ruleInputs.Segments, profiles.Newest, ruleInputs.Products);
        var insight = await insights.ComputeAsync(run, result, result.Customers.Select(ToRow).ToList(), cancellationToken, Demographics(result)).ConfigureAwait(false);

        meter.BeginStage(RunStages.Write);
        var table = GenerationStore.TableNameFor(run.RunId);
        var rows = insight.Rows;
        await generations.WriteAsync(table, rows, CustomerBucket.DefaultCount, cancellationToken).ConfigureAwait(false);
        var profilesBlob = await insights.SaveProfilesAsync(insight, cancellationToken).ConfigureAwait(false);

        meter.BeginStage(RunStages.Flip);
        var finished = run.WithSegmentSizes(result) with
        {
            Status = RunStatus.Succeeded,
            BatchesRead = accepted.Count,
            TransactionsRead = aggregator.LinesAdded,
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
            GenerationTable = table,
            BucketCount = CustomerBucket.DefaultCount,
            StageDurationsMs = StageDurations(meter.Snapshot()),
        };
        finished = insight.AddTo(finished, profilesBlob);

        // The run row is complete before the pointer names it, so whatever a reader finds through the
        // pointer is already whole.
        await runs.SaveAsync(finished, cancellationToken).ConfigureAwait(false);
        await runs.FlipActiveAsync(new ActiveRun(run.RunId, run.AsOf, table, CustomerBucket.DefaultCount), cancellationToken).ConfigureAwait(false);
        LogRunSucceeded(run.RunId, run.AsOf, accepted.Count, aggregator.LinesAdded, rows.Count);
        return finished;
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

    private static CustomerSegmentRow ToRow(CustomerSegmentation c) =>
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

    private async Task DropOldGenerationsAsync(CancellationToken cancellationToken)
    {
        var stale = (await runs.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => r.Status == RunStatus.Succeeded)
            .Skip(GenerationsKept)
            .Where(r => r.GenerationTable is not null);
        foreach (var run in stale)
        {
            await generations.DeleteAsync(run.GenerationTable!, cancellationToken).ConfigureAwait(false);
            await insights.DropProfilesAsync(run.RunId, cancellationToken).ConfigureAwait(false);
            await runs.SaveAsync(run with { GenerationTable = null, SegmentProfilesBlob = null }, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: read {BlobName} ({Lines} lines so far; {Replaced} lines of orders replaced by newer batches)")]
    private partial void LogBatchRead(string runId, string blobName, long lines, long replaced);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} as of {AsOf} succeeded: {Batches} batches, {Lines} lines, {Customers} customers scored")]
    private partial void LogRunSucceeded(string runId, DateOnly asOf, int batches, long lines, int customers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} cost {CostUsd} USD: {Requests} storage requests, {WallMs} ms")]
    private partial void LogRunCost(string runId, decimal costUsd, long requests, long wallMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed")]
    private partial void LogRunFailed(Exception error, string runId);
}
