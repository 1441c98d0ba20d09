using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Segments.Core.Segmentation;
using Segments.Core.Transactions;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.Generations;
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
    TimeProvider time,
    ILogger<RecomputeSegmentsHandler> logger)
{
    /// <summary>Generations kept after a run: the active one and two before it (for comparisons).</summary>
    public const int GenerationsKept = 3;

    /// <summary>
    /// Executes a queued run and returns its final record. A run found running (its executor died) is
    /// executed again; a finished run is returned unchanged, so a redelivered request is harmless.
    /// </summary>
    public async Task<RunRecord?> ExecuteAsync(string runId, CancellationToken cancellationToken)
    {
        var held = await lease.AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using (held.ConfigureAwait(false))
        {
            var run = await runs.GetAsync(runId, cancellationToken).ConfigureAwait(false);
            if (run is null || run.Status is RunStatus.Succeeded or RunStatus.Failed)
            {
                return run;
            }

            run = run with { Status = RunStatus.Running, StartedAt = time.GetUtcNow() };
            await runs.SaveAsync(run, cancellationToken).ConfigureAwait(false);
            try
            {
                run = await ComputeAsync(run, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRunFailed(ex, run.RunId);

                // A half-written generation is never pointed at; drop it so it does not linger.
                await generations.DeleteAsync(GenerationStore.TableNameFor(run.RunId), CancellationToken.None).ConfigureAwait(false);
                run = run with { Status = RunStatus.Failed, FinishedAt = time.GetUtcNow(), Error = $"{ex.GetType().Name}: {ex.Message}" };
                await runs.SaveAsync(run, CancellationToken.None).ConfigureAwait(false);
                return run;
            }

            await DropOldGenerationsAsync(cancellationToken).ConfigureAwait(false);
            return run;
        }
    }

    private async Task<RunRecord> ComputeAsync(RunRecord run, CancellationToken cancellationToken)
    {
        var durations = new Dictionary<string, long>();
        var stage = Stopwatch.StartNew();

        var aggregator = new SegmentationEngine(run.AsOf);
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

        durations["read"] = stage.ElapsedMilliseconds;
        stage.Restart();

        var (rules, ruleErrors) = await ruleSegments.LoadAsync(cancellationToken).ConfigureAwait(false);
        var result = aggregator.Compute(rules);
        durations["score"] = stage.ElapsedMilliseconds;
        stage.Restart();

        var table = GenerationStore.TableNameFor(run.RunId);
        var rows = result.Customers.Select(ToRow).ToList();
        await generations.WriteAsync(table, rows, CustomerBucket.DefaultCount, cancellationToken).ConfigureAwait(false);
        durations["write"] = stage.ElapsedMilliseconds;
        stage.Restart();

        var finished = run with
        {
            Status = RunStatus.Succeeded,
            BatchesRead = accepted.Count,
            TransactionsRead = aggregator.LinesAdded,
            CustomersScored = rows.Count,
            Segments = result.Rfm.CountBySegment().Select(s => new SegmentSize(s.Name, s.Customers)).ToList(),
            LifecycleStages = result.Lifecycle.CountByStage().Select(s => new SegmentSize(s.Name, s.Customers)).ToList(),
            LifecycleThresholds = result.Lifecycle.Thresholds,
            Clusters = result.Clusters.Clusters,
            Predictions = result.Predictions,
            RuleSegments = result.RuleSegmentCounts.Select(s => new SegmentSize(s.Name, s.Customers)).ToList(),
            RuleErrors = ruleErrors,
            GenerationTable = table,
            BucketCount = CustomerBucket.DefaultCount,
        };

        // The run row is complete before the pointer names it, so whatever a reader finds through the
        // pointer is already whole.
        await runs.SaveAsync(finished with { StageDurationsMs = durations }, cancellationToken).ConfigureAwait(false);
        await runs.FlipActiveAsync(new ActiveRun(run.RunId, run.AsOf, table, CustomerBucket.DefaultCount), cancellationToken).ConfigureAwait(false);
        durations["flip"] = stage.ElapsedMilliseconds;

        finished = finished with { StageDurationsMs = durations, FinishedAt = time.GetUtcNow() };
        await runs.SaveAsync(finished, cancellationToken).ConfigureAwait(false);
        LogRunSucceeded(run.RunId, run.AsOf, accepted.Count, aggregator.LinesAdded, rows.Count);
        return finished;
    }

    private static CustomerSegmentRow ToRow(CustomerSegmentation c) =>
        new(c.CustomerId, c.Rfm.Metrics.RecencyDays, c.Rfm.Metrics.Frequency, c.Rfm.Metrics.Monetary, c.Rfm.R, c.Rfm.F, c.Rfm.M, c.Rfm.Code, c.Rfm.Segment, c.Rfm.Metrics.Country)
        {
            FirstOrderDate = c.FirstOrderDate,
            LastOrderDate = c.LastOrderDate,
            LifecycleStage = c.LifecycleStage,
            Cluster = c.Cluster,
            RuleSegments = c.RuleSegments,
            Prediction = c.Prediction,
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
            await runs.SaveAsync(run with { GenerationTable = null }, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: read {BlobName} ({Lines} lines so far; {Replaced} lines of orders replaced by newer batches)")]
    private partial void LogBatchRead(string runId, string blobName, long lines, long replaced);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} as of {AsOf} succeeded: {Batches} batches, {Lines} lines, {Customers} customers scored")]
    private partial void LogRunSucceeded(string runId, DateOnly asOf, int batches, long lines, int customers);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed")]
    private partial void LogRunFailed(Exception error, string runId);
}
