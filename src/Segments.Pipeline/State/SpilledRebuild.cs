using System.Runtime.InteropServices;
using Segments.Core.Transactions;
using Segments.Pipeline.Recompute;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.State;

namespace Segments.Pipeline.State;

/// <summary>
/// Rebuilds every bucket file and index partition from the normalised batches holding about one index partition's
/// order ids and a few buckets' encoded files at a time, not the whole store: the first run of a large shop must fit
/// the instance it runs on. Three passes over local spill files in a temporary directory (removed whatever happens):
/// every line read newest batch first is spilled by its order id's index partition; each partition then applies
/// "newest batch wins" (<see cref="NewestFirstLines"/>' semantics, seen one partition's orders at a time, since
/// replacement is by order id), writes its index file and spills its surviving lines by customer bucket, as runs
/// of read order; each bucket then merges its runs back into read order, encodes its file and uploads it.
/// </summary>
internal sealed class SpilledRebuild(BucketStateStore store, NormalizedBatchStore normalized, string prefix, int bucketCount, int indexPartitions)
{
    /// <summary>Where the temporary directory goes (the system's temp path unless a test says otherwise).</summary>
    public string SpillRoot { get; init; } = Path.GetTempPath();

    /// <summary>Buckets encoded and uploaded at once: each holds its encoded file until its upload ends.</summary>
    public int ParallelBuckets { get; init; } = 3;

    /// <summary>Rebuilds from <paramref name="newestFirst"/> into new files named with <paramref name="writeId"/>; widens <paramref name="span"/> with every line read.</summary>
    public async Task<SpilledRebuildResult> RunAsync(IReadOnlyList<BatchRecord> newestFirst, string writeId, OrderDateSpan span, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(SpillRoot, $"segments-state-rebuild-{writeId}");
        Directory.CreateDirectory(directory);
        try
        {
            var partitionSpills = await SpillByPartitionAsync(newestFirst, directory, span, cancellationToken).ConfigureAwait(false);
            var (indexFiles, indexRows, runs, linesReplaced) = await ResolvePartitionsAsync(partitionSpills, directory, writeId, cancellationToken).ConfigureAwait(false);
            var (bucketFiles, bucketLines) = await WriteBucketsAsync(runs, directory, writeId, cancellationToken).ConfigureAwait(false);
            return new SpilledRebuildResult(bucketFiles, indexFiles, bucketLines.Sum(), linesReplaced) { BucketLines = bucketLines, IndexRows = indexRows };
        }
        finally
        {
            // A local disk the next rebuild would fill again: removed on failure and cancellation too.
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    // Pass 1: every line, newest batch first and in each batch's file order, to its order id's partition.
    private async Task<string?[]> SpillByPartitionAsync(IReadOnlyList<BatchRecord> newestFirst, string directory, OrderDateSpan span, CancellationToken cancellationToken)
    {
        var paths = new string?[indexPartitions];
        var writers = new StateLineSpillWriter?[indexPartitions];
        try
        {
            for (var i = 0; i < newestFirst.Count; i++)
            {
                var sequence = newestFirst.Count - 1 - i;
                var stream = await normalized.OpenReadAsync(newestFirst[i].NormalizedBlob!, cancellationToken).ConfigureAwait(false);
                using var reader = new StreamReader(stream, NormalizedBatchFormat.Encoding);
                var number = 0;
                await foreach (var line in NormalizedBatchFormat.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
                {
                    span.Add(line.OrderDate);
                    var partition = StateLayout.PartitionOf(line.OrderId, indexPartitions);
                    if (writers[partition] is not { } writer)
                    {
                        paths[partition] = Path.Combine(directory, $"part-{partition:D4}.spill");
                        writer = writers[partition] = new StateLineSpillWriter(paths[partition]!, bufferSize: 16 * 1024);
                    }

                    writer.Write(CustomerBucket.IndexOf(line.CustomerId, bucketCount), new StateLine(sequence, number, line));
                    number++;
                }
            }
        }
        finally
        {
            foreach (var writer in writers)
            {
                writer?.Dispose();
            }
        }

        return paths;
    }

    // Pass 2: per partition, its orders' newest batch wins; the index file is written and the survivors go to their
    // bucket's spill as one run in read order (the partition's spill is in read order).
    private async Task<(string?[] IndexFiles, long[] IndexRows, List<SpillRun>[] Runs, long LinesReplaced)> ResolvePartitionsAsync(
        string?[] partitionSpills, string directory, string writeId, CancellationToken cancellationToken)
    {
        var indexFiles = new string?[indexPartitions];
        var indexRows = new long[indexPartitions];
        var runs = Enumerable.Range(0, bucketCount).Select(_ => new List<SpillRun>()).ToArray();
        var writers = new StateLineSpillWriter?[bucketCount];
        long linesReplaced = 0;
        try
        {
            for (var p = 0; p < indexPartitions; p++)
            {
                if (partitionSpills[p] is not { } path)
                {
                    continue;
                }

                var newestBatchOf = new Dictionary<string, int>(StringComparer.Ordinal);
                var entries = new Dictionary<OrderIndexEntry, int>();
                var starts = new long[bucketCount];
                for (var b = 0; b < bucketCount; b++)
                {
                    starts[b] = writers[b]?.Position ?? 0;
                }

                using (var reader = new StateLineSpillReader(path, bufferSize: 64 * 1024))
                {
                    while (reader.MoveNext())
                    {
                        var line = reader.Current;
                        var orderId = line.Line.OrderId;
                        if (!newestBatchOf.TryGetValue(orderId, out var newest))
                        {
                            newest = line.BatchSequence;
                            newestBatchOf.Add(orderId, newest);
                        }

                        if (line.BatchSequence != newest)
                        {
                            linesReplaced++;
                            continue;
                        }

                        var bucket = reader.Bucket;
                        CollectionsMarshal.GetValueRefOrAddDefault(entries, new OrderIndexEntry(orderId, bucket), out _)++;
                        writers[bucket] ??= new StateLineSpillWriter(BucketSpill(directory, bucket), bufferSize: 16 * 1024);
                        writers[bucket]!.Write(bucket, line);
                    }
                }

                File.Delete(path);
                for (var b = 0; b < bucketCount; b++)
                {
                    if (writers[b] is { } writer && writer.Position > starts[b])
                    {
                        runs[b].Add(new SpillRun(starts[b], writer.Position));
                    }
                }

                indexFiles[p] = await BucketStateMerger.WriteIndexAsync(store, prefix, StateLayout.IndexFile(p, writeId), entries, cancellationToken).ConfigureAwait(false);
                indexRows[p] = entries.Count;
            }
        }
        finally
        {
            foreach (var writer in writers)
            {
                writer?.Dispose();
            }
        }

        return (indexFiles, indexRows, runs, linesReplaced);
    }

    // Pass 3: per bucket, its runs merged back into read order, encoded and uploaded; a few buckets at a time.
    private async Task<(string?[] BucketFiles, long[] Lines)> WriteBucketsAsync(List<SpillRun>[] runs, string directory, string writeId, CancellationToken cancellationToken)
    {
        var bucketFiles = new string?[bucketCount];
        var lines = new long[bucketCount];
        var options = new ParallelOptions { MaxDegreeOfParallelism = ParallelBuckets, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, bucketCount), options, async (bucket, token) =>
        {
            if (runs[bucket].Count == 0)
            {
                return;
            }

            var path = BucketSpill(directory, bucket);
            var readers = new List<StateLineSpillReader>();
            var writer = new BucketLinesWriter();
            await using (writer.ConfigureAwait(false))
            {
                try
                {
                    var next = new PriorityQueue<StateLineSpillReader, StateLine>(runs[bucket].Count, StateLine.ReadOrder);
                    foreach (var run in runs[bucket])
                    {
                        var reader = new StateLineSpillReader(path, run.Start, run.End, bufferSize: 8 * 1024);
                        readers.Add(reader);
                        if (reader.MoveNext())
                        {
                            next.Enqueue(reader, reader.Current);
                        }
                    }

                    while (next.TryDequeue(out var reader, out var line))
                    {
                        await writer.AddAsync(line, token).ConfigureAwait(false);
                        if (reader.MoveNext())
                        {
                            next.Enqueue(reader, reader.Current);
                        }
                    }
                }
                finally
                {
                    foreach (var reader in readers)
                    {
                        reader.Dispose();
                    }
                }

                File.Delete(path);
                var file = StateLayout.BucketFile(bucket, writeId);
                await store.WriteBucketAsync(prefix, file, await writer.CompleteAsync(token).ConfigureAwait(false), token).ConfigureAwait(false);
                bucketFiles[bucket] = file;
                lines[bucket] = writer.Lines;
            }
        }).ConfigureAwait(false);
        return (bucketFiles, lines);
    }

    private static string BucketSpill(string directory, int bucket) => Path.Combine(directory, $"bucket-{bucket:D4}.spill");
}
