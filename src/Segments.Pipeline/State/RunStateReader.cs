using Microsoft.Extensions.Logging;
using Segments.Core.Transactions;
using Segments.Pipeline.Recompute;
using Segments.Storage.Batches;
using Segments.Storage.State;

namespace Segments.Pipeline.State;

/// <summary>
/// The run's read stage from the state: brings it up to date with the accepted batches (<see cref="BucketStateMerger"/>),
/// then reads it bucket by bucket, and hands every line on in the order the batch-by-batch read gave them (newest
/// batch first, file order). That order is kept because today's whole-population scoring is not indifferent to it
/// to the last bit (the holdout tracking sums doubles in the order customers first appear); scoring bucket by bucket
/// (issue 19, point 3) reads <see cref="ReadBucketAsync"/> instead.
/// </summary>
public sealed partial class RunStateReader(BucketStateMerger merger, BucketStateStore store, ILogger<RunStateReader> logger)
{
    /// <summary>Brings the state up to date with <paramref name="acceptedNewestFirst"/> and returns what it did.</summary>
    public async Task<StateRefresh> RefreshAsync(string runId, IReadOnlyList<BatchRecord> acceptedNewestFirst, CancellationToken cancellationToken)
    {
        var refresh = await merger.RefreshAsync(acceptedNewestFirst, cancellationToken).ConfigureAwait(false);
        LogRefreshed(runId, refresh.Plan.Action, refresh.Plan.Reason, refresh.BucketsWritten, refresh.BucketsCompacted, refresh.IndexPartitionsWritten, refresh.IndexPartitionsCompacted);
        if (refresh.OtherVersionBlobsRemoved > 0)
        {
            LogOtherVersionsRemoved(runId, refresh.OtherVersionBlobsRemoved, StateLayout.FormatVersion);
        }
        return refresh;
    }

    /// <summary>One customer bucket's lines as <paramref name="manifest"/> names them (base and deltas, replaced lines skipped), in read order; empty when it has none.</summary>
    public async Task<List<StateLine>> ReadBucketAsync(StateManifest manifest, int bucket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return await store.ReadBucketStateAsync(merger.Prefix, manifest, bucket, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads every line a run scores and hands each to <paramref name="inReadOrder"/> in the batch-by-batch read's
    /// order; <paramref name="span"/> is widened with every order date of the merged batches, replaced lines included.
    /// </summary>
    public async Task<StateReadResult> ReadAsync(string runId, IReadOnlyList<BatchRecord> acceptedNewestFirst, Action<TransactionLine> inReadOrder, OrderDateSpan span, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inReadOrder);
        ArgumentNullException.ThrowIfNull(span);
        var refresh = await RefreshAsync(runId, acceptedNewestFirst, cancellationToken).ConfigureAwait(false);
        var manifest = refresh.Manifest;
        if (manifest.FirstOrderDate is { } first && manifest.LatestOrderDate is { } latest)
        {
            span.Add(first);
            span.Add(latest);
        }

        // Each bucket's lines come in read order already (deltas newest first, then the base); a k-way merge over
        // the buckets, one decoded row group per file at a time, gives the global read order without holding every line.
        var orderIds = new HashSet<string>(StringComparer.Ordinal);
        var cursors = new PriorityQueue<BucketStateCursor, (int NewerFirst, int LineNumber)>();
        var open = new List<BucketStateCursor>();
        try
        {
            // The downloads overlap (small files, one request each); the merge itself is sequential.
            var opened = new BucketStateCursor[manifest.BucketCount];
            await Parallel.ForEachAsync(Enumerable.Range(0, manifest.BucketCount), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (bucket, token) =>
            {
                opened[bucket] = await store.OpenBucketStateAsync(merger.Prefix, manifest, bucket, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
            foreach (var cursor in opened.OfType<BucketStateCursor>())
            {
                open.Add(cursor);
                if (await cursor.MoveNextAsync(cancellationToken).ConfigureAwait(false))
                {
                    cursors.Enqueue(cursor, Key(cursor.Current));
                }
            }

            while (cursors.TryDequeue(out var cursor, out _))
            {
                var line = cursor.Current.Line;
                orderIds.Add(line.OrderId);
                inReadOrder(line);
                if (await cursor.MoveNextAsync(cancellationToken).ConfigureAwait(false))
                {
                    cursors.Enqueue(cursor, Key(cursor.Current));
                }
            }
        }
        finally
        {
            foreach (var cursor in open)
            {
                await cursor.DisposeAsync().ConfigureAwait(false);
            }
        }

        return new StateReadResult(orderIds, manifest.Batches.Count, manifest.LinesReplaced, refresh);
    }

    // Newest batch first, then the batch's own order (StateLine.ReadOrder).
    private static (int NewerFirst, int LineNumber) Key(StateLine line) => (-line.BatchSequence, line.LineNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: state {Action} ({Reason}): {Buckets} buckets written ({BucketsCompacted} folded into a new base, the rest a delta) and {Partitions} index partitions ({PartitionsCompacted} folded)")]
    private partial void LogRefreshed(string runId, StateAction action, string reason, int buckets, int bucketsCompacted, int partitions, int partitionsCompacted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: removed {Blobs} blobs of the state in another format version than this one ({Version})")]
    private partial void LogOtherVersionsRemoved(string runId, int blobs, int version);
}
