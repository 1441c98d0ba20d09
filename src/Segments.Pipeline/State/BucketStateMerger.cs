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

    /// <summary>Where a rebuild's temporary spill directory goes (removed when the rebuild ends, failed or not).</summary>
    public string SpillRoot { get; init; } = Path.GetTempPath();

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
        var span = new OrderDateSpan();
        var rebuilt = await new SpilledRebuild(store, normalized, Prefix, BucketCount, IndexPartitions) { SpillRoot = SpillRoot }
            .RunAsync(acceptedNewestFirst, NewWriteId(), span, cancellationToken).ConfigureAwait(false);
        var (bucketFiles, indexFiles, lines, linesReplaced) = rebuilt;

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

        // Each affected bucket is streamed from its old file into its new one (one row group decoded at a time), a
        // few buckets at once, so a merge holds the new batches' lines and a few buckets' encoded files.
        var bucketFiles = state.BucketFiles.ToArray();
        long oldReplaced = 0;
        long newLines = 0;
        await Parallel.ForEachAsync(affected.Order(), Rewrites(cancellationToken), async (bucket, token) =>
        {
            var (file, dropped) = await RewriteBucketAsync(bucket, added[bucket], state.BucketFiles[bucket], newOrders, writeId, token).ConfigureAwait(false);
            bucketFiles[bucket] = file;
            Interlocked.Add(ref oldReplaced, dropped);
            Interlocked.Add(ref newLines, added[bucket].Count);
            added[bucket] = [];
        }).ConfigureAwait(false);

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

    // The new lines first (every new batch is newer than every merged one, StatePlan), then the old lines of orders
    // the new batches do not replace, in the old file's (read) order; returns the new file and the old lines dropped.
    private async Task<(string? File, long Dropped)> RewriteBucketAsync(
        int bucket, List<StateLine> added, string? oldFile, HashSet<string> newOrders, string writeId, CancellationToken cancellationToken)
    {
        long dropped = 0;
        var writer = new BucketLinesWriter();
        await using (writer.ConfigureAwait(false))
        {
            foreach (var line in added)
            {
                await writer.AddAsync(line, cancellationToken).ConfigureAwait(false);
            }

            if (oldFile is not null)
            {
                var cursor = await store.OpenBucketAsync(Prefix, oldFile, cancellationToken).ConfigureAwait(false);
                await using (cursor.ConfigureAwait(false))
                {
                    while (await cursor.MoveNextAsync(cancellationToken).ConfigureAwait(false))
                    {
                        if (newOrders.Contains(cursor.Current.Line.OrderId))
                        {
                            dropped++;
                        }
                        else
                        {
                            await writer.AddAsync(cursor.Current, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }

            if (writer.Lines == 0)
            {
                return (null, dropped);
            }

            var file = StateLayout.BucketFile(bucket, writeId);
            await store.WriteBucketAsync(Prefix, file, await writer.CompleteAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return (file, dropped);
        }
    }

    private Task<string?> WriteIndexAsync(int partition, HashSet<OrderIndexEntry> entries, string writeId, CancellationToken cancellationToken) =>
        WriteIndexAsync(store, Prefix, partition, entries, writeId, cancellationToken);

    /// <summary>Writes one index partition sorted by order id, as a new file; null (and nothing written) when it is empty.</summary>
    internal static async Task<string?> WriteIndexAsync(BucketStateStore store, string prefix, int partition, HashSet<OrderIndexEntry> entries, string writeId, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return null;
        }

        var file = StateLayout.IndexFile(partition, writeId);
        await store.WriteIndexAsync(prefix, file, entries.OrderBy(e => e.OrderId, StringComparer.Ordinal).ThenBy(e => e.Bucket).ToList(), cancellationToken).ConfigureAwait(false);
        return file;
    }

    // Each rewrite holds its bucket's old and new encoded file until its upload ends: a few at once, not every one.
    private static ParallelOptions Rewrites(CancellationToken cancellationToken) => new() { MaxDegreeOfParallelism = 3, CancellationToken = cancellationToken };

    // Sortable by time and unique per write, so leftovers of a write that died are told apart from the current files.
    private string NewWriteId() =>
        time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    private static List<T>[] NewLists<T>(int count) => Enumerable.Range(0, count).Select(_ => new List<T>()).ToArray();

    private static HashSet<OrderIndexEntry>[] NewSets(int count) => Enumerable.Range(0, count).Select(_ => new HashSet<OrderIndexEntry>()).ToArray();
}
