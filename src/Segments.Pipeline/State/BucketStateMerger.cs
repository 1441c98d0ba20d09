using System.Globalization;
using Segments.Pipeline.Recompute;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.State;

namespace Segments.Pipeline.State;

/// <summary>
/// Brings one store's state up to the accepted batches before a run reads it (<see cref="StatePlan"/>): merges only
/// the batches accepted since, rewriting the buckets their lines go to and the buckets holding the orders they replace
/// (found through the order-id index), or rebuilds every bucket from the normalised batches. Runs hold the run lease
/// while doing this, so there is one writer; the manifest's ETag condition guards against a second one anyway.
/// </summary>
public sealed class BucketStateMerger(BucketStateStore store, NormalizedBatchStore normalized, TimeProvider time)
{
    /// <summary>Customer buckets of the state: the generation table's partitions, so one bucket's work writes one partition.</summary>
    public int BucketCount { get; init; } = CustomerBucket.DefaultCount;

    /// <summary>Partitions of the order-id index.</summary>
    public int IndexPartitions { get; init; } = StateLayout.DefaultIndexPartitions;

    /// <summary>The store's prefix in the state container.</summary>
    public string Prefix { get; init; } = StateLayout.PrefixOf(StateLayout.DefaultStore);

    /// <summary>Merges or rebuilds as needed for <paramref name="acceptedNewestFirst"/> (what runs read, in their order).</summary>
    public async Task<StateRefresh> RefreshAsync(IReadOnlyList<BatchRecord> acceptedNewestFirst, CancellationToken cancellationToken)
    {
        var stored = await store.GetManifestAsync(Prefix, cancellationToken).ConfigureAwait(false);
        var copies = stored.Manifest is null ? null : await normalized.ListRootNamesAsync(cancellationToken).ConfigureAwait(false);
        var plan = StatePlan.Decide(stored, acceptedNewestFirst, BucketCount, IndexPartitions, copies);
        return plan.Action switch
        {
            StateAction.UpToDate => new StateRefresh(stored.Manifest!, plan, 0, 0),
            StateAction.Merge => await MergeAsync(stored, plan, cancellationToken).ConfigureAwait(false),
            _ => await RebuildAsync(stored, plan, acceptedNewestFirst, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<StateRefresh> RebuildAsync(StoredManifest stored, StatePlan plan, IReadOnlyList<BatchRecord> acceptedNewestFirst, CancellationToken cancellationToken)
    {
        // Each bucket's file is encoded as its lines arrive (they arrive in read order), so a rebuild holds the
        // encoded files, not every decoded line.
        var writers = Enumerable.Range(0, BucketCount).Select(_ => new BucketLinesWriter()).ToArray();
        var index = NewSets(IndexPartitions);
        var span = new OrderDateSpan();
        var writeId = NewWriteId();
        var bucketFiles = new string?[BucketCount];
        long lines = 0;
        long linesReplaced;
        try
        {
            (_, linesReplaced) = await NewestFirstLines.ReadAsync(normalized, acceptedNewestFirst, 0, span, line =>
            {
                var bucket = CustomerBucket.IndexOf(line.Line.CustomerId, BucketCount);
                index[StateLayout.PartitionOf(line.Line.OrderId, IndexPartitions)].Add(new OrderIndexEntry(line.Line.OrderId, bucket));
                return writers[bucket].AddAsync(line, cancellationToken);
            }, cancellationToken).ConfigureAwait(false);

            lines = writers.Sum(w => w.Lines);
            await Parallel.ForEachAsync(Enumerable.Range(0, BucketCount), Uploads(cancellationToken), async (b, token) =>
            {
                if (writers[b].Lines > 0)
                {
                    bucketFiles[b] = StateLayout.BucketFile(b, writeId);
                    await store.WriteBucketAsync(Prefix, bucketFiles[b]!, await writers[b].CompleteAsync(token).ConfigureAwait(false), token).ConfigureAwait(false);
                }

                await writers[b].DisposeAsync().ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        finally
        {
            foreach (var writer in writers)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
        }

        var indexFiles = new string?[IndexPartitions];
        await Parallel.ForEachAsync(Enumerable.Range(0, IndexPartitions), Uploads(cancellationToken), async (p, token) =>
            indexFiles[p] = await WriteIndexAsync(p, index[p], writeId, token).ConfigureAwait(false)).ConfigureAwait(false);

        var count = acceptedNewestFirst.Count;
        var manifest = new StateManifest
        {
            FormatVersion = StateLayout.FormatVersion,
            BucketCount = BucketCount,
            IndexPartitions = IndexPartitions,
            Batches = acceptedNewestFirst.Select((b, i) => StatePlan.ToMerged(b, count - 1 - i)).Reverse().ToList(),
            FirstOrderDate = span.First,
            LatestOrderDate = span.Latest,
            LinesReplaced = linesReplaced,
            Lines = lines,
            BucketFiles = bucketFiles,
            IndexFiles = indexFiles,
            WrittenAt = time.GetUtcNow(),
        };
        await SwapAsync(manifest, stored, cancellationToken).ConfigureAwait(false);
        return new StateRefresh(manifest, plan, bucketFiles.Count(f => f is not null), indexFiles.Count(f => f is not null));
    }

    private async Task<StateRefresh> MergeAsync(StoredManifest stored, StatePlan plan, CancellationToken cancellationToken)
    {
        var state = stored.Manifest!;
        var firstSequence = state.Batches.Count == 0 ? 0 : state.Batches.Max(b => b.Sequence) + 1;
        var added = NewLists<StateLine>(BucketCount);
        var span = new OrderDateSpan();
        if (state.FirstOrderDate is { } first && state.LatestOrderDate is { } latest)
        {
            span.Add(first);
            span.Add(latest);
        }

        var (newOrders, linesReplaced) = await NewestFirstLines.ReadAsync(normalized, plan.NewBatches, firstSequence, span, line =>
        {
            added[CustomerBucket.IndexOf(line.Line.CustomerId, BucketCount)].Add(line);
            return ValueTask.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);

        // The index tells which buckets hold lines of the orders the new batches replace, whichever customer they name.
        var writeId = NewWriteId();
        var affected = new HashSet<int>(Enumerable.Range(0, BucketCount).Where(b => added[b].Count > 0));
        var indexFiles = state.IndexFiles.ToArray();
        var newEntries = NewSets(IndexPartitions);
        for (var b = 0; b < BucketCount; b++)
        {
            foreach (var line in added[b])
            {
                newEntries[StateLayout.PartitionOf(line.Line.OrderId, IndexPartitions)].Add(new OrderIndexEntry(line.Line.OrderId, b));
            }
        }

        var partitionsWritten = 0;
        foreach (var partition in newOrders.Select(o => StateLayout.PartitionOf(o, IndexPartitions)).Distinct().Order())
        {
            var entries = state.IndexFiles[partition] is { } file ? await store.ReadIndexAsync(Prefix, file, cancellationToken).ConfigureAwait(false) : [];
            var kept = newEntries[partition];
            foreach (var entry in entries)
            {
                if (newOrders.Contains(entry.OrderId))
                {
                    affected.Add(entry.Bucket);
                }
                else
                {
                    kept.Add(entry);
                }
            }

            indexFiles[partition] = await WriteIndexAsync(partition, kept, writeId, cancellationToken).ConfigureAwait(false);
            partitionsWritten++;
        }

        var bucketFiles = state.BucketFiles.ToArray();
        long oldReplaced = 0;
        long newLines = 0;
        foreach (var bucket in affected.Order())
        {
            var old = state.BucketFiles[bucket] is { } file ? await store.ReadBucketAsync(Prefix, file, cancellationToken).ConfigureAwait(false) : [];
            // Every new batch is newer than every merged one (StatePlan), so its lines come first in read order.
            var lines = added[bucket];
            newLines += lines.Count;
            foreach (var line in old)
            {
                if (newOrders.Contains(line.Line.OrderId))
                {
                    oldReplaced++;
                }
                else
                {
                    lines.Add(line);
                }
            }

            bucketFiles[bucket] = await WriteBucketAsync(bucket, lines, writeId, cancellationToken).ConfigureAwait(false);
            added[bucket] = [];
        }

        var count = plan.NewBatches.Count;
        var manifest = state with
        {
            Batches = state.Batches.Concat(plan.NewBatches.Select((b, i) => StatePlan.ToMerged(b, firstSequence + count - 1 - i)).Reverse()).ToList(),
            FirstOrderDate = span.First,
            LatestOrderDate = span.Latest,
            LinesReplaced = state.LinesReplaced + linesReplaced + oldReplaced,
            Lines = state.Lines - oldReplaced + newLines,
            BucketFiles = bucketFiles,
            IndexFiles = indexFiles,
            WrittenAt = time.GetUtcNow(),
        };
        await SwapAsync(manifest, stored, cancellationToken).ConfigureAwait(false);
        return new StateRefresh(manifest, plan, affected.Count, partitionsWritten);
    }

    // New files first, then the manifest under its ETag condition; only then are the files it no longer names removed.
    private async Task SwapAsync(StateManifest manifest, StoredManifest stored, CancellationToken cancellationToken)
    {
        await store.SaveManifestAsync(Prefix, manifest, stored.ETag, cancellationToken).ConfigureAwait(false);
        await store.RemoveUnnamedAsync(Prefix, manifest, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> WriteBucketAsync(int bucket, List<StateLine> lines, string writeId, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return null;
        }

        var file = StateLayout.BucketFile(bucket, writeId);
        await store.WriteBucketAsync(Prefix, file, lines, cancellationToken).ConfigureAwait(false);
        return file;
    }

    private async Task<string?> WriteIndexAsync(int partition, HashSet<OrderIndexEntry> entries, string writeId, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return null;
        }

        var file = StateLayout.IndexFile(partition, writeId);
        await store.WriteIndexAsync(Prefix, file, entries.OrderBy(e => e.OrderId, StringComparer.Ordinal).ThenBy(e => e.Bucket).ToList(), cancellationToken).ConfigureAwait(false);
        return file;
    }

    // Small files, so their uploads overlap: a rebuild writes up to 128 of them.
    private static ParallelOptions Uploads(CancellationToken cancellationToken) => new() { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };

    // Sortable by time and unique per write, so leftovers of a write that died are told apart from the current files.
    private string NewWriteId() =>
        time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    private static List<T>[] NewLists<T>(int count) => Enumerable.Range(0, count).Select(_ => new List<T>()).ToArray();

    private static HashSet<OrderIndexEntry>[] NewSets(int count) => Enumerable.Range(0, count).Select(_ => new HashSet<OrderIndexEntry>()).ToArray();
}
