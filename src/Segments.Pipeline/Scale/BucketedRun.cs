using Microsoft.Extensions.Logging;
using System.Text.Json;
using Segments.Core.Scale;
using Segments.Core.Segmentation;
using Segments.Core.Transactions;
using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Diagnostics;
using Segments.Pipeline.Recompute;
using Segments.Pipeline.State;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Scale;

/// <summary>
/// A run's read and score stages bucket by bucket (setting <c>Segments:BucketedRuns</c>): brings the state up to date,
/// then pass 1 summarises every bucket (<see cref="BucketWork.SummariseAsync"/>), the summaries are merged, pass 2
/// ranks every bucket for the spend tiers, pass 3 scores every bucket. The passes hand each other blobs
/// (<see cref="RunWorkBlobs"/>), removed when the run ends.
/// Pass 3 writes each bucket's generation rows and leaves only its outcome (counts, sums, segment profile counts,
/// cohort tables: <see cref="BucketOutcome"/>), which the run adds up (<see cref="BucketedRunTotals"/>): no list of
/// every customer is held. The recommender's statistics are summarised and merged bucket by bucket
/// (<see cref="BucketedRecommendationPartials"/>) and it reads the buckets' lines again itself (<see cref="BucketedRunResult.BucketLines"/>).
/// Only pass 1 reads the state's files; every later reader takes the copy of the bucket's lines pass 1 kept
/// (<see cref="BucketWork.ReadRunLinesAsync"/>), which stays until the recommender is done with it (<see cref="DropWorkAsync"/>).
/// </summary>
public sealed partial class BucketedRun(
    RunStateReader state,
    BucketWork work,
    RunWorkBlobs blobs,
    BatchLedger batches,
    BucketWorkQueue queue,
    BucketProgressTable progress,
    IOptions<SegmentsOptions> options,
    RunInsights insights,
    GenerationStore generations,
    TimeProvider time,
    ILogger<BucketedRun> logger)
{
    /// <summary>What the memory line (<see cref="StageMemoryLog"/>) calls the state's refresh before the passes.</summary>
    public const string StateRefreshStage = "state refresh";

    private static readonly TimeSpan ProgressPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Whether the run can be scored bucket by bucket: not while behaviour events are accepted, as the behaviour stage
    /// (order book, event-only customers, events in rules) still needs every order at once.
    /// </summary>
    public async Task<bool> AppliesAsync(CancellationToken cancellationToken) =>
        !(await batches.ListAsync(BatchKind.Events, cancellationToken).ConfigureAwait(false))
            .Any(b => b.Status == BatchStatus.Accepted && b.NormalizedBlob is not null);

    /// <summary>Reads and scores <paramref name="run"/> bucket by bucket; <paramref name="span"/> gets the state's order dates.</summary>
    /// <param name="run">The run.</param>
    /// <param name="acceptedNewestFirst">The accepted order batches, newest first.</param>
    /// <param name="span">Widened with the state's order dates.</param>
    /// <param name="recommendationPartials">Gets each bucket's lines for the recommender's statistics; null when recommendations are off.</param>
    /// <param name="scoring">Called once the lines are summarised: the score stage begins.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public async Task<BucketedRunResult> ComputeAsync(RunRecord run, IReadOnlyList<BatchRecord> acceptedNewestFirst, OrderDateSpan span, BucketedRecommendationPartials? recommendationPartials, Action scoring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(span);
        ArgumentNullException.ThrowIfNull(scoring);
        var keepWork = false;
        try
        {
            var result = await ComputeInPassesAsync(run, acceptedNewestFirst, span, recommendationPartials, scoring, cancellationToken).ConfigureAwait(false);
            keepWork = recommendationPartials is not null;
            return result;
        }
        finally
        {
            // The passes' blobs are of no use once scoring ended (or failed): a later attempt of the run writes them again.
            // They stay, in one container, for the recommender when the run goes on to it (DropWorkAsync removes them after).
            try
            {
                if (!keepWork)
                {
                    await blobs.DeleteRunAsync(run.RunId, CancellationToken.None).ConfigureAwait(false);
                }

                if (options.Value.BucketWorkOnQueue)
                {
                    await progress.DeleteRunAsync(run.RunId, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Azure.RequestFailedException ex)
            {
                LogCleanUpFailed(run.RunId, ex.Message);
            }
        }
    }

    private async Task<BucketedRunResult> ComputeInPassesAsync(RunRecord run, IReadOnlyList<BatchRecord> acceptedNewestFirst, OrderDateSpan span, BucketedRecommendationPartials? recommendationPartials, Action scoring, CancellationToken cancellationToken)
    {
        await SweepLeftoversAsync(run.RunId, cancellationToken).ConfigureAwait(false);
        var refresh = await state.RefreshAsync(run.RunId, acceptedNewestFirst, cancellationToken).ConfigureAwait(false);
        StageMemoryLog.Ended(logger, run.RunId, StateRefreshStage);
        var manifest = refresh.Manifest;
        if (manifest.FirstOrderDate is { } first && manifest.LatestOrderDate is { } latest)
        {
            span.Add(first);
            span.Add(latest);
        }

        var buckets = manifest.BucketCount;
        var onQueue = options.Value.BucketWorkOnQueue;
        long lines = 0;
        if (onQueue)
        {
            await progress.RecordAsync(new BucketWorkItem(run.RunId, BucketPhases.Coordinator, 0), 0, null, 0, cancellationToken).ConfigureAwait(false);
            lines = (await FanOutAsync(run.RunId, BucketPhases.Summarise, buckets, cancellationToken).ConfigureAwait(false)).Sum(p => p.Lines);
        }
        else
        {
            var progressLog = Progress(run.RunId, BucketPhases.Summarise, buckets);
            for (var bucket = 0; bucket < buckets; bucket++)
            {
                lines += await work.SummariseAsync(run.RunId, bucket, cancellationToken).ConfigureAwait(false);
                progressLog.Report(bucket + 1);
            }
        }

        await MergeSummariesAsync(run.RunId, buckets, cancellationToken).ConfigureAwait(false);
        StageMemoryLog.Ended(logger, run.RunId, PassStage(BucketPhases.Summarise));
        scoring();
        if (onQueue)
        {
            await FanOutAsync(run.RunId, BucketPhases.Rank, buckets, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var progressLog = Progress(run.RunId, BucketPhases.Rank, buckets);
            for (var bucket = 0; bucket < buckets; bucket++)
            {
                await work.RankAsync(run.RunId, bucket, cancellationToken).ConfigureAwait(false);
                progressLog.Report(bucket + 1);
            }
        }

        await MergeRankingsAsync(run.RunId, buckets, cancellationToken).ConfigureAwait(false);
        StageMemoryLog.Ended(logger, run.RunId, PassStage(BucketPhases.Rank));

        // Before pass 3: the generation table its workers write into, and the experiments every bucket assigns groups in.
        var (inputs, model) = await work.InputsAndModelAsync(run.RunId, cancellationToken).ConfigureAwait(false);
        var frame = BucketSegmentFrame.Of(run, model, inputs.Rules.Segments);
        var (applied, errors) = await insights.ResolveExperimentsAsync(frame, cancellationToken).ConfigureAwait(false);
        var experiments = new BucketExperiments(applied, errors);
        await blobs.WriteAsync(RunWorkBlobs.ExperimentsOf(run.RunId), JsonSerializer.SerializeToUtf8Bytes(experiments), cancellationToken).ConfigureAwait(false);
        var table = GenerationStore.TableNameFor(run.RunId);
        await generations.CreateAsync(table, cancellationToken).ConfigureAwait(false);

        // Pass 3: each bucket's rows are written by its worker; only its outcome (counts and sums) comes back here.
        if (onQueue)
        {
            await FanOutAsync(run.RunId, BucketPhases.Score, buckets, cancellationToken).ConfigureAwait(false);
        }

        var totals = new BucketedRunTotals();
        var scoreProgress = Progress(run.RunId, BucketPhases.Score, buckets);
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            var outcome = onQueue
                ? await work.ReadOutcomeAsync(run.RunId, bucket, cancellationToken).ConfigureAwait(false)
                : await work.ScoreAsync(run.RunId, bucket, cancellationToken).ConfigureAwait(false);
            totals.Add(outcome, RunWorkBlobs.OutcomeOf(run.RunId, bucket));
            if (recommendationPartials is not null)
            {
                // The recommender's statistics of the bucket, merged into the run's at once (its lines are dropped).
                var bucketLines = await work.ReadRunLinesAsync(run.RunId, bucket, cancellationToken).ConfigureAwait(false);
                recommendationPartials.Add(bucketLines, cancellationToken);
            }

            scoreProgress.Report(bucket + 1);
        }

        LogScored(run.RunId, buckets, lines, totals.Customers);
        StageMemoryLog.Ended(logger, run.RunId, PassStage(BucketPhases.Score));
        return new BucketedRunResult(totals, model, lines, manifest.Batches.Count, inputs, table, buckets, experiments, async (bucket, ct) =>
            await work.ReadRunLinesAsync(run.RunId, bucket, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// Removes the passes' blobs that <see cref="ComputeAsync"/> kept for the recommender (the copy of the buckets' lines
    /// among them), once the run no longer reads them (done or failed); what a failure to remove them leaves, the next
    /// run's sweep removes.
    /// </summary>
    public async Task DropWorkAsync(string runId)
    {
        try
        {
            await blobs.DeleteRunAsync(runId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException ex)
        {
            LogCleanUpFailed(runId, ex.Message);
        }
    }

    /// <summary>
    /// Removes the passes' blobs and progress rows of other runs: under the run lease no other run is running, so they
    /// are what a coordinator that died mid-run left (its own end removes them otherwise).
    /// </summary>
    private async Task SweepLeftoversAsync(string runId, CancellationToken cancellationToken)
    {
        var own = RunWorkBlobs.ContainerOf(runId);
        foreach (var stale in (await blobs.ContainersAsync(cancellationToken).ConfigureAwait(false)).Where(c => c != own))
        {
            LogSweepingContainer(stale);
            await blobs.DeleteContainerAsync(stale, cancellationToken).ConfigureAwait(false);
        }

        if (options.Value.BucketWorkOnQueue)
        {
            foreach (var stale in (await progress.RunIdsAsync(cancellationToken).ConfigureAwait(false)).Where(id => id != runId))
            {
                LogSweeping(stale, "progress rows");
                await progress.DeleteRunAsync(stale, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Enqueues <paramref name="phase"/>'s item of every bucket and waits until the progress table has every bucket's
    /// row; a bucket that failed for good fails the run with its reason. Lease loss or the host stopping cancels the wait;
    /// a storage outage longer than <see cref="ProgressPolls.Outage"/> ends it (<see cref="ProgressPolls"/>).
    /// </summary>
    private async Task<List<BucketProgress>> FanOutAsync(string runId, string phase, int buckets, CancellationToken cancellationToken)
    {
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            await queue.EnqueueAsync(new BucketWorkItem(runId, phase, bucket), cancellationToken).ConfigureAwait(false);
        }

        var progressLog = Progress(runId, phase, buckets);
        Exception? lastFailure = null;
        var polls = ProgressPolls.Create(time, ex =>
        {
            lastFailure = ex;
            LogPollFailed(runId, phase, ex.Message);
        });
        while (true)
        {
            List<BucketProgress> rows;
            try
            {
                rows = await polls.ExecuteAsync(async ct => await progress.ListAsync(runId, phase, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
            catch (Polly.Timeout.TimeoutRejectedException ex)
            {
                throw new StorageUnavailableException(
                    $"run {runId}: pass '{phase}': the progress table did not answer for {ProgressPolls.Outage.TotalMinutes:0} min; last failure: {lastFailure?.Message ?? ex.Message}",
                    lastFailure ?? ex);
            }

            if (rows.FirstOrDefault(r => r.Error is not null) is { } failed)
            {
                throw new BucketWorkFailedException(failed.Error!);
            }

            var done = rows.Select(r => r.Bucket).Distinct().Count();
            if (done == buckets)
            {
                LogPassDone(runId, phase, buckets, string.Join(", ", rows.GroupBy(r => r.Worker).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
                return rows;
            }

            progressLog.Report(done);
            await Task.Delay(ProgressPoll, cancellationToken).ConfigureAwait(false);
        }
    }

    // One running summary and one bucket's part at a time (a million customers' 64 parts held together were most of the
    // coordinator's memory): the merge is associative and commutative, so folding gives what merging every part gives.
    private async Task MergeSummariesAsync(string runId, int buckets, CancellationToken cancellationToken)
    {
        PopulationSummary? merged = null;
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            var name = RunWorkBlobs.SummaryOf(runId, bucket);
            var part = PopulationSummaryFormat.FromBytes(await blobs.ReadAsync(name, cancellationToken).ConfigureAwait(false), name);
            if (merged is null)
            {
                merged = part;  // read for this merge alone: it can be the running summary itself
            }
            else
            {
                merged.Add(part);
            }
        }

        if (merged is null)
        {
            throw new InvalidOperationException($"run {runId}: no bucket summaries to merge ({buckets} buckets)");
        }

        await blobs.WriteAsync(RunWorkBlobs.MergedSummaryOf(runId), PopulationSummaryFormat.ToBytes(merged), cancellationToken).ConfigureAwait(false);
    }

    // As the summaries: one running ranking (every customer's key: the cuts must be exact) and one bucket's part.
    private async Task MergeRankingsAsync(string runId, int buckets, CancellationToken cancellationToken)
    {
        var merged = new SpendRanking();
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            var name = RunWorkBlobs.RankingOf(runId, bucket);
            merged.AddAll(SpendRankFormat.RankingFromBytes(await blobs.ReadAsync(name, cancellationToken).ConfigureAwait(false), name));
        }

        var cuts = merged.Cuts();
        await blobs.WriteAsync(RunWorkBlobs.SpendTiersOf(runId), SpendRankFormat.ToBytes(cuts), cancellationToken).ConfigureAwait(false);
    }

    private PassProgressLog Progress(string runId, string phase, int buckets) => new(logger, runId, phase, buckets, time);

    /// <summary>What the memory line (<see cref="StageMemoryLog"/>) calls a pass of every bucket (and its merge).</summary>
    public static string PassStage(string phase) => $"pass '{phase}'";

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: scored bucket by bucket ({Buckets} buckets, {Lines} lines, {Customers} customers)")]
    private partial void LogScored(string runId, int buckets, long lines, int customers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bucketed runs: removing the {What} that run {RunId} left")]
    private partial void LogSweeping(string runId, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bucketed runs: removing the container {Container} that an earlier run left")]
    private partial void LogSweepingContainer(string container);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: pass '{Phase}' done on every one of {Buckets} buckets (by worker: {Workers})")]
    private partial void LogPassDone(string runId, string phase, int buckets, string workers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: pass '{Phase}': a poll of the progress table failed, polling again (the workers go on): {Reason}")]
    private partial void LogPollFailed(string runId, string phase, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: the blobs of its bucket passes stay until the next run's sweep: {Reason}")]
    private partial void LogCleanUpFailed(string runId, string reason);
}
