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
        LogRefreshed(runId, refresh.Plan.Action, refresh.Plan.Reason, refresh.BucketsWritten, refresh.IndexPartitionsWritten);
        return refresh;
    }

    /// <summary>One customer bucket's lines as <paramref name="manifest"/> names them, in read order; empty when it has none.</summary>
    public async Task<List<StateLine>> ReadBucketAsync(StateManifest manifest, int bucket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.BucketFiles[bucket] is { } file ? await store.ReadBucketAsync(merger.Prefix, file, cancellationToken).ConfigureAwait(false) : [];
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

        // Each bucket file is in read order already; a k-way merge over them, one decoded row group per bucket at a
        // time, gives the global read order without holding every decoded line.
        var orderIds = new HashSet<string>(StringComparer.Ordinal);
        var cursors = new PriorityQueue<BucketLinesCursor, (int NewerFirst, int LineNumber)>();
        var open = new List<BucketLinesCursor>();
        try
        {
            // The downloads overlap (small files, one request each); the merge itself is sequential.
            var opened = new BucketLinesCursor?[manifest.BucketCount];
            await Parallel.ForEachAsync(Enumerable.Range(0, manifest.BucketCount), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (bucket, token) =>
            {
                if (manifest.BucketFiles[bucket] is { } file)
                {
                    opened[bucket] = await store.OpenBucketAsync(merger.Prefix, file, token).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
            foreach (var cursor in opened.OfType<BucketLinesCursor>())
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: state {Action} ({Reason}): {Buckets} bucket files and {Partitions} index partitions written")]
    private partial void LogRefreshed(string runId, StateAction action, string reason, int buckets, int partitions);
}
