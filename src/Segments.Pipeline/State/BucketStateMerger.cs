using System.Globalization;
using System.Runtime.InteropServices;
using Segments.Pipeline.Recompute;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.State;

namespace Segments.Pipeline.State;

/// <summary>
/// Brings one store's state up to the accepted batches before a run reads it (<see cref="StatePlan"/>): merges only
/// the batches accepted since, as delta files beside the buckets their lines go to and the buckets holding the orders
/// they replace (found through the order-id index), folding a bucket's deltas into its base past a bound
/// (<see cref="StateCompaction"/>), or rebuilds every bucket from the normalised batches. Runs hold the run lease
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

    /// <summary>When a merge folds a bucket's or partition's deltas into a new base.</summary>
    public StateCompaction Compaction { get; init; } = StateCompaction.Default;

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
            BucketBaseLines = rebuilt.BucketLines,
            IndexBaseRows = rebuilt.IndexRows,
            WrittenAt = time.GetUtcNow(),
        };
        await SwapAsync(manifest, stored, cancellationToken).ConfigureAwait(false);
        // A rebuild is also how a new format version starts: the store's state in any other version is never read again.
        var oldVersionBlobs = await store.RemoveOtherVersionsAsync(Prefix, cancellationToken).ConfigureAwait(false);
        var bucketsWritten = bucketFiles.Count(f => f is not null);
        var partitionsWritten = indexFiles.Count(f => f is not null);
        return new StateRefresh(manifest, plan, bucketsWritten, partitionsWritten)
        {
            BucketsCompacted = bucketsWritten,
            IndexPartitionsCompacted = partitionsWritten,
            OtherVersionBlobsRemoved = oldVersionBlobs,
        };
    }

    // A day as a small addition: the new lines go to a delta file per bucket they touch, the orders they replace in a
    // bucket's older files to that delta's replaced list (found through the index, whose rows carry the line counts
    // dropped), and the index takes a delta of the new orders' rows. A merge reads the new batches and the index
    // partitions of their orders, and writes O(new lines) bytes; a bucket (or partition) whose deltas pass the
    // StateCompaction bound is folded into a new base instead, which is the only place old lines are read or rewritten.
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

        var writeId = NewWriteId();
        var newRows = Enumerable.Range(0, IndexPartitions).Select(_ => new Dictionary<OrderIndexEntry, int>()).ToArray();
        for (var b = 0; b < BucketCount; b++)
        {
            foreach (var line in added[b])
            {
                CollectionsMarshal.GetValueRefOrAddDefault(newRows[StateLayout.PartitionOf(line.Line.OrderId, IndexPartitions)], new OrderIndexEntry(line.Line.OrderId, b), out _)++;
            }
        }

        // The index tells which buckets hold lines of the orders the new batches replace, whichever customer they
        // name, and how many: each partition the new orders fall in is read (base and deltas, newest first).
        var partitions = newOrders.GroupBy(o => StateLayout.PartitionOf(o, IndexPartitions)).ToDictionary(g => g.Key, g => g.ToHashSet(StringComparer.Ordinal));
        var indexFiles = state.IndexFiles.ToArray();
        var indexBaseRows = Counts(state.IndexBaseRows, IndexPartitions);
        var indexDeltas = Enumerable.Range(0, IndexPartitions).Select(p => state.IndexDeltasOf(p)).ToArray();
        var replacedIn = Enumerable.Range(0, BucketCount).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var partitionsCompacted = 0;
        await Parallel.ForEachAsync(partitions.Keys.Order(), Rewrites(cancellationToken), async (partition, token) =>
        {
            var update = await MergeIndexPartitionAsync(state, partition, partitions[partition], newRows[partition], writeId, token).ConfigureAwait(false);
            lock (replacedIn)
            {
                foreach (var row in update.Replaced)
                {
                    replacedIn[row.Entry.Bucket][row.Entry.OrderId] = row.Lines;
                }

                if (update.Compacted)
                {
                    indexFiles[partition] = update.File;
                    indexBaseRows[partition] = update.Rows;
                    indexDeltas[partition] = [];
                    partitionsCompacted++;
                }
                else
                {
                    indexDeltas[partition] = [.. indexDeltas[partition], new IndexDelta(update.File!, update.Rows)];
                }
            }
        }).ConfigureAwait(false);

        var bucketFiles = state.BucketFiles.ToArray();
        var bucketBaseLines = Counts(state.BucketBaseLines, BucketCount);
        var bucketDeltas = Enumerable.Range(0, BucketCount).Select(b => state.DeltasOf(b)).ToArray();
        var touched = Enumerable.Range(0, BucketCount).Where(b => added[b].Count > 0 || replacedIn[b].Count > 0).ToList();
        long dropped = 0;
        long newLines = 0;
        var bucketsCompacted = 0;
        await Parallel.ForEachAsync(touched, Rewrites(cancellationToken), async (bucket, token) =>
        {
            var deltas = bucketDeltas[bucket];
            var pending = deltas.Sum(d => d.Lines + d.Replaced) + added[bucket].Count + replacedIn[bucket].Count;
            if (Compaction.Folds(bucket, state.Batches.Count, bucketFiles[bucket] is not null, deltas.Count, pending, bucketBaseLines[bucket]))
            {
                var (file, lines, droppedHere) = await CompactBucketAsync(state, bucket, added[bucket], replacedIn[bucket], writeId, token).ConfigureAwait(false);
                bucketFiles[bucket] = file;
                bucketBaseLines[bucket] = lines;
                bucketDeltas[bucket] = [];
                Interlocked.Add(ref dropped, droppedHere);
                Interlocked.Increment(ref bucketsCompacted);
            }
            else
            {
                bucketDeltas[bucket] = [.. deltas, await WriteDeltaAsync(bucket, added[bucket], replacedIn[bucket], writeId, token).ConfigureAwait(false)];
                Interlocked.Add(ref dropped, replacedIn[bucket].Values.Sum(v => (long)v));
            }

            Interlocked.Add(ref newLines, added[bucket].Count);
            added[bucket] = [];
        }).ConfigureAwait(false);

        var count = plan.NewBatches.Count;
        var manifest = state with
        {
            Batches = state.Batches.Concat(plan.NewBatches.Select((b, i) => StatePlan.ToMerged(b, firstSequence + count - 1 - i)).Reverse()).ToList(),
            FirstOrderDate = span.First,
            LatestOrderDate = span.Latest,
            LinesReplaced = state.LinesReplaced + linesReplaced + dropped,
            Lines = state.Lines - dropped + newLines,
            BucketFiles = bucketFiles,
            IndexFiles = indexFiles,
            BucketBaseLines = bucketBaseLines,
            BucketDeltas = bucketDeltas,
            IndexBaseRows = indexBaseRows,
            IndexDeltas = indexDeltas,
            WrittenAt = time.GetUtcNow(),
        };
        await SwapAsync(manifest, stored, cancellationToken).ConfigureAwait(false);
        return new StateRefresh(manifest, plan, touched.Count, partitions.Count) { BucketsCompacted = bucketsCompacted, IndexPartitionsCompacted = partitionsCompacted };
    }

    // One index partition: the rows of the new orders found in its files (newest file first: an order's rows come
    // from the newest file holding it, its batch having replaced every older version), then either a delta of the
    // new rows or, past the bound, a new base: every order's rows from the newest file holding it, the new ones first.
    private async Task<IndexPartitionMerge> MergeIndexPartitionAsync(
        StateManifest state, int partition, HashSet<string> newOrders, Dictionary<OrderIndexEntry, int> newRows, string writeId, CancellationToken cancellationToken)
    {
        var deltas = state.IndexDeltasOf(partition);
        var newestFirst = deltas.Reverse().Select(d => d.File).Append(state.IndexFiles[partition]).OfType<string>().ToList();
        var files = await Task.WhenAll(newestFirst.Select(f => store.ReadIndexRowsAsync(Prefix, f, cancellationToken))).ConfigureAwait(false);
        var replaced = new List<IndexedOrder>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rows in files)
        {
            var inFile = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (newOrders.Contains(row.Entry.OrderId) && !found.Contains(row.Entry.OrderId))
                {
                    replaced.Add(row);
                    inFile.Add(row.Entry.OrderId);
                }
            }

            found.UnionWith(inFile);
        }

        var baseRows = state.IndexBaseRows.Count > partition ? state.IndexBaseRows[partition] : 0;
        var pending = deltas.Sum(d => d.Rows) + newRows.Count;
        if (!Compaction.Folds(partition, state.Batches.Count, state.IndexFiles[partition] is not null, deltas.Count, pending, baseRows))
        {
            var delta = StateLayout.IndexDeltaFile(partition, writeId);
            await WriteIndexAsync(store, Prefix, delta, newRows, cancellationToken).ConfigureAwait(false);
            return new IndexPartitionMerge(replaced, Compacted: false, delta, newRows.Count);
        }

        var folded = new Dictionary<OrderIndexEntry, int>(newRows);
        var seen = newRows.Keys.Select(e => e.OrderId).ToHashSet(StringComparer.Ordinal);
        foreach (var rows in files)
        {
            var inFile = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in rows.Where(r => !seen.Contains(r.Entry.OrderId)))
            {
                folded[row.Entry] = row.Lines;
                inFile.Add(row.Entry.OrderId);
            }

            seen.UnionWith(inFile);
        }

        var file = await WriteIndexAsync(store, Prefix, StateLayout.IndexFile(partition, writeId), folded, cancellationToken).ConfigureAwait(false);
        return new IndexPartitionMerge(replaced, Compacted: true, file, folded.Count);
    }

    // The new lines as a delta file, and the orders they replace in the bucket's older files as its replaced list.
    private async Task<BucketDelta> WriteDeltaAsync(int bucket, List<StateLine> added, Dictionary<string, int> replaced, string writeId, CancellationToken cancellationToken)
    {
        string? linesFile = null;
        string? replacedFile = null;
        if (added.Count > 0)
        {
            linesFile = StateLayout.BucketDeltaFile(bucket, writeId);
            await store.WriteBucketAsync(Prefix, linesFile, added, cancellationToken).ConfigureAwait(false);
        }

        if (replaced.Count > 0)
        {
            replacedFile = StateLayout.ReplacedOrdersFile(bucket, writeId);
            await store.WriteReplacedAsync(Prefix, replacedFile, replaced.Keys, cancellationToken).ConfigureAwait(false);
        }

        return new BucketDelta(linesFile, replacedFile, added.Count, replaced.Count);
    }

    // The new lines first (every new batch is newer than every merged one, StatePlan), then the bucket's lines as the
    // state holds them (deltas newest first, then the base, replaced lines skipped) less the orders the new batches
    // replace, streamed one row group at a time; returns the new base, its lines and the old lines dropped.
    private async Task<(string? File, long Lines, long Dropped)> CompactBucketAsync(
        StateManifest state, int bucket, List<StateLine> added, Dictionary<string, int> replaced, string writeId, CancellationToken cancellationToken)
    {
        long dropped = 0;
        var writer = new BucketLinesWriter();
        await using (writer.ConfigureAwait(false))
        {
            foreach (var line in added)
            {
                await writer.AddAsync(line, cancellationToken).ConfigureAwait(false);
            }

            var cursor = await store.OpenBucketStateAsync(Prefix, state, bucket, cancellationToken).ConfigureAwait(false);
            await using (cursor.ConfigureAwait(false))
            {
                while (await cursor.MoveNextAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (replaced.ContainsKey(cursor.Current.Line.OrderId))
                    {
                        dropped++;
                    }
                    else
                    {
                        await writer.AddAsync(cursor.Current, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            if (writer.Lines == 0)
            {
                return (null, 0, dropped);
            }

            var file = StateLayout.BucketFile(bucket, writeId);
            await store.WriteBucketAsync(Prefix, file, await writer.CompleteAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return (file, writer.Lines, dropped);
        }
    }

    // New files first, then the manifest under its ETag condition; only then are the files it no longer names removed.
    private async Task SwapAsync(StateManifest manifest, StoredManifest stored, CancellationToken cancellationToken)
    {
        await store.SaveManifestAsync(Prefix, manifest, stored.ETag, cancellationToken).ConfigureAwait(false);
        await store.RemoveUnnamedAsync(Prefix, manifest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes index rows sorted by order id and bucket as the new file <paramref name="file"/>; null (and nothing written) when there are none.</summary>
    internal static async Task<string?> WriteIndexAsync(BucketStateStore store, string prefix, string file, Dictionary<OrderIndexEntry, int> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var sorted = rows.Select(r => new IndexedOrder(r.Key, r.Value)).OrderBy(r => r.Entry.OrderId, StringComparer.Ordinal).ThenBy(r => r.Entry.Bucket).ToList();
        await store.WriteIndexAsync(prefix, file, sorted, cancellationToken).ConfigureAwait(false);
        return file;
    }

    // A base's size counted by the manifest, per bucket or partition (a manifest without counts: 0, so the next merge folds).
    private static long[] Counts(IReadOnlyList<long> counts, int length) => counts.Count == length ? counts.ToArray() : new long[length];

    // Each rewrite holds its bucket's old and new encoded file until its upload ends: a few at once, not every one.
    private static ParallelOptions Rewrites(CancellationToken cancellationToken) => new() { MaxDegreeOfParallelism = 3, CancellationToken = cancellationToken };

    // Sortable by time and unique per write, so leftovers of a write that died are told apart from the current files.
    private string NewWriteId() =>
        time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    private static List<T>[] NewLists<T>(int count) => Enumerable.Range(0, count).Select(_ => new List<T>()).ToArray();

}
