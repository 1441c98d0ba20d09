using Microsoft.Extensions.Logging;
using Segments.Core.Transactions;
using Segments.Pipeline.Recompute;
using Segments.Storage.Batches;
using Segments.Storage.State;

namespace Segments.Pipeline.State;

/// <summary>
/// The run's read stage from the state: brings it up to date with the accepted batches (<see cref="BucketStateMerger"/>),
/// then reads it bucket by bucket. Each customer's lines arrive in the order the batch-by-batch read gave them (newest
/// batch first, file order), since a customer lives in one bucket; what still needs the whole population in that order
/// (the recommender's lines, the behaviour stage's order book) gets every line once all buckets are read.
/// </summary>
public sealed partial class RunStateReader(BucketStateMerger merger, BucketStateStore store, ILogger<RunStateReader> logger)
{
    /// <summary>
    /// Reads every line a run scores: <paramref name="perBucket"/> gets them bucket by bucket, <paramref name="inReadOrder"/>
    /// gets them afterwards in the batch-by-batch read's order; <paramref name="span"/> is widened with every order date
    /// of the merged batches, replaced lines included.
    /// </summary>
    public async Task<StateReadResult> ReadAsync(
        string runId,
        IReadOnlyList<BatchRecord> acceptedNewestFirst,
        Action<TransactionLine> perBucket,
        Action<TransactionLine> inReadOrder,
        OrderDateSpan span,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(perBucket);
        ArgumentNullException.ThrowIfNull(inReadOrder);
        ArgumentNullException.ThrowIfNull(span);
        var refresh = await merger.RefreshAsync(acceptedNewestFirst, cancellationToken).ConfigureAwait(false);
        LogRefreshed(runId, refresh.Plan.Action, refresh.Plan.Reason, refresh.BucketsWritten, refresh.IndexPartitionsWritten);
        var manifest = refresh.Manifest;
        if (manifest.FirstOrderDate is { } first && manifest.LatestOrderDate is { } latest)
        {
            span.Add(first);
            span.Add(latest);
        }

        var orderIds = new HashSet<string>(StringComparer.Ordinal);
        var all = new List<StateLine>(checked((int)Math.Min(manifest.Lines, int.MaxValue)));
        for (var bucket = 0; bucket < manifest.BucketCount; bucket++)
        {
            if (manifest.BucketFiles[bucket] is not { } file)
            {
                continue;
            }

            var lines = await store.ReadBucketAsync(merger.Prefix, file, cancellationToken).ConfigureAwait(false);
            foreach (var line in lines)
            {
                perBucket(line.Line);
                orderIds.Add(line.Line.OrderId);
            }

            all.AddRange(lines);
        }

        all.Sort(StateLine.ReadOrder);
        foreach (var line in all)
        {
            inReadOrder(line.Line);
        }

        return new StateReadResult(orderIds, manifest.Batches.Count, manifest.LinesReplaced, refresh);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: state {Action} ({Reason}): {Buckets} bucket files and {Partitions} index partitions written")]
    private partial void LogRefreshed(string runId, StateAction action, string reason, int buckets, int partitions);
}
