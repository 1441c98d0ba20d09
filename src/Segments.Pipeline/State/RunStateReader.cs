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

        // Each Parquet value is a string of its own: sharing the repeated ones (a customer's id on each of its lines,
        // countries, products) keeps the run's lines near the size the batch-by-batch read kept.
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        var orderIds = new HashSet<string>(StringComparer.Ordinal);
        var all = new List<StateLine>(checked((int)Math.Min(manifest.Lines, int.MaxValue)));
        for (var bucket = 0; bucket < manifest.BucketCount; bucket++)
        {
            foreach (var state in await ReadBucketAsync(manifest, bucket, cancellationToken).ConfigureAwait(false))
            {
                var line = state.Line;
                var orderId = Share(shared, line.OrderId);
                orderIds.Add(orderId);
                all.Add(state with { Line = line with { CustomerId = Share(shared, line.CustomerId), OrderId = orderId, Country = Share(shared, line.Country), Product = Share(shared, line.Product) } });
            }
        }

        all.Sort(StateLine.ReadOrder);
        foreach (var line in all)
        {
            inReadOrder(line.Line);
        }

        return new StateReadResult(orderIds, manifest.Batches.Count, manifest.LinesReplaced, refresh);
    }

    private static string Share(Dictionary<string, string> shared, string value)
    {
        if (value.Length == 0)
        {
            return string.Empty;
        }

        if (shared.TryGetValue(value, out var existing))
        {
            return existing;
        }

        shared[value] = value;
        return value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: state {Action} ({Reason}): {Buckets} bucket files and {Partitions} index partitions written")]
    private partial void LogRefreshed(string runId, StateAction action, string reason, int buckets, int partitions);
}
