using System.Globalization;
using System.Text;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using Segments.Core.Transactions;
using Segments.Integration.Tests.Fixtures;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Ingest;
using Segments.Pipeline.State;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.State;

namespace Segments.Integration.Tests.State;

/// <summary>
/// The rebuild that spills to local files (bounded memory) writes the state the in-memory rebuild wrote: every bucket
/// file's lines in the same order, the same index entries and counts, on generated batches whose later ones correct
/// (and move across customers) orders of earlier ones; and a rebuild that fails leaves no spill file behind.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SpilledRebuildTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _spillRoot = Path.Combine(Path.GetTempPath(), $"spilled-rebuild-tests-{Guid.NewGuid():N}");
    private ServiceProvider _pipeline = null!;

    private BucketStateStore Store => _pipeline.GetRequiredService<BucketStateStore>();

    private NormalizedBatchStore Normalized => _pipeline.GetRequiredService<NormalizedBatchStore>();

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        Directory.CreateDirectory(_spillRoot);
        _pipeline = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString).BuildServiceProvider();
        await _pipeline.GetRequiredService<StorageAccount>().EnsureReadyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        Directory.Delete(_spillRoot, recursive: true);
    }

    [Fact]
    public async Task The_spilled_rebuild_writes_the_buckets_index_and_counts_of_the_in_memory_rebuild()
    {
        var batches = GenerateBatches(new Random(19), batches: 5, customers: 400, newOrdersPerBatch: 500);
        for (var i = 0; i < batches.Count; i++)
        {
            await IngestAsync($"day-{i:D2}.csv", batches[i]);
        }

        var accepted = await AcceptedAsync();
        var merger = new BucketStateMerger(Store, Normalized, TimeProvider.System) { SpillRoot = _spillRoot };
        var refresh = await merger.RefreshAsync(accepted, CancellationToken.None);
        var expected = await InMemoryRebuildAsync(accepted, merger.BucketCount, merger.IndexPartitions);

        var manifest = refresh.Manifest;
        Assert.Equal(StateAction.Rebuild, refresh.Plan.Action);
        Assert.True(expected.LinesReplaced > 500, $"the generated corrections replace {expected.LinesReplaced} lines");
        Assert.Equal((expected.Lines, expected.LinesReplaced), (manifest.Lines, manifest.LinesReplaced));
        Assert.Equal((expected.Span.First, expected.Span.Latest), (manifest.FirstOrderDate, manifest.LatestOrderDate));
        for (var b = 0; b < manifest.BucketCount; b++)
        {
            var lines = manifest.BucketFiles[b] is { } file ? await Store.ReadBucketAsync(merger.Prefix, file, CancellationToken.None) : [];
            Assert.Equal(expected.Buckets[b], lines);
        }

        for (var p = 0; p < manifest.IndexPartitions; p++)
        {
            var entries = manifest.IndexFiles[p] is { } file ? await Store.ReadIndexAsync(merger.Prefix, file, CancellationToken.None) : [];
            Assert.Equal(expected.Index[p], entries);
        }

        Assert.Empty(Directory.GetFileSystemEntries(_spillRoot));
    }

    [Fact]
    public async Task A_rebuild_that_fails_removes_its_spill_files_and_keeps_no_manifest()
    {
        var batches = GenerateBatches(new Random(7), batches: 2, customers: 50, newOrdersPerBatch: 60);
        await IngestAsync("day-00.csv", batches[0]);
        await IngestAsync("day-01.csv", batches[1]);
        var accepted = await AcceptedAsync();
        // The newest batch is read (and spilled) first; the older one's normalised copy is gone, so the read fails after spilling.
        await Normalized.DeleteAsync(accepted[^1].NormalizedBlob!, CancellationToken.None);
        var merger = new BucketStateMerger(Store, Normalized, TimeProvider.System) { SpillRoot = _spillRoot };

        await Assert.ThrowsAnyAsync<RequestFailedException>(() => merger.RefreshAsync(accepted, CancellationToken.None));

        Assert.Empty(Directory.GetFileSystemEntries(_spillRoot));
        Assert.Null((await Store.GetManifestAsync(merger.Prefix, CancellationToken.None)).Manifest);
    }

    // What the rebuild did before it spilled: every batch read newest first, an order id seen in a newer batch
    // replaces its lines in older ones, each bucket's lines in read order, each partition's index sorted by order id.
    private async Task<InMemoryRebuild> InMemoryRebuildAsync(IReadOnlyList<BatchRecord> newestFirst, int bucketCount, int partitions)
    {
        var buckets = Enumerable.Range(0, bucketCount).Select(_ => new List<StateLine>()).ToArray();
        var index = Enumerable.Range(0, partitions).Select(_ => new HashSet<OrderIndexEntry>()).ToArray();
        var span = new Pipeline.Recompute.OrderDateSpan();
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        long linesReplaced = 0;
        for (var i = 0; i < newestFirst.Count; i++)
        {
            var inBatch = new HashSet<string>(StringComparer.Ordinal);
            using var reader = new StreamReader(await Normalized.OpenReadAsync(newestFirst[i].NormalizedBlob!, CancellationToken.None), NormalizedBatchFormat.Encoding);
            var number = 0;
            await foreach (var line in NormalizedBatchFormat.ReadAsync(reader, CancellationToken.None))
            {
                span.Add(line.OrderDate);
                if (replaced.Contains(line.OrderId))
                {
                    linesReplaced++;
                }
                else
                {
                    inBatch.Add(line.OrderId);
                    var bucket = CustomerBucket.IndexOf(line.CustomerId, bucketCount);
                    buckets[bucket].Add(new StateLine(newestFirst.Count - 1 - i, number, line));
                    index[StateLayout.PartitionOf(line.OrderId, partitions)].Add(new OrderIndexEntry(line.OrderId, bucket));
                }

                number++;
            }

            replaced.UnionWith(inBatch);
        }

        var sorted = index.Select(p => p.OrderBy(e => e.OrderId, StringComparer.Ordinal).ThenBy(e => e.Bucket).ToList()).ToArray();
        return new InMemoryRebuild(buckets, sorted, buckets.Sum(b => (long)b.Count), linesReplaced, span);
    }

    // Each batch adds new orders (1-3 lines, some with a product and a country) and re-exports about a fifth of the
    // earlier ones with another amount, a line more or less, and sometimes another customer (so another bucket).
    private static List<string> GenerateBatches(Random random, int batches, int customers, int newOrdersPerBatch)
    {
        var orders = new List<(string Order, string Customer, DateOnly Date)>();
        var files = new List<string>();
        var start = new DateOnly(2024, 1, 1);
        for (var b = 0; b < batches; b++)
        {
            var csv = new StringBuilder("customer_id,order_id,order_date,amount,country,product\n");
            var earlier = orders.Count;
            for (var o = 0; o < newOrdersPerBatch; o++)
            {
                orders.Add(($"O{orders.Count:D6}", $"C{random.Next(customers):D4}", start.AddDays((b * 30) + random.Next(30))));
            }

            var thisBatch = orders.Skip(earlier).ToList();
            thisBatch.AddRange(orders.Take(earlier).Where(_ => random.NextDouble() < 0.2)
                .Select(o => random.NextDouble() < 0.3 ? o with { Customer = $"C{random.Next(customers):D4}" } : o));
            foreach (var (order, customer, date) in thisBatch.OrderBy(_ => random.Next()))
            {
                for (var l = random.Next(1, 4); l > 0; l--)
                {
                    var amount = (random.Next(-500, 20_000) / 100m).ToString(CultureInfo.InvariantCulture);
                    var country = random.Next(3) == 0 ? "FR" : string.Empty;
                    var product = random.Next(2) == 0 ? $"P{random.Next(40)}" : string.Empty;
                    csv.Append(CultureInfo.InvariantCulture, $"{customer},{order},{date:yyyy-MM-dd},{amount},{country},{product}\n");
                }
            }

            files.Add(csv.ToString());
        }

        return files;
    }

    private async Task<List<BatchRecord>> AcceptedAsync() =>
        AcceptedBatches.NewestFirst(await _pipeline.GetRequiredService<BatchLedger>().ListAsync(CancellationToken.None));

    private async Task IngestAsync(string blobName, string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        var blob = await new DropZone(_pipeline.GetRequiredService<StorageAccount>()).UploadAsync(blobName, stream, CancellationToken.None);
        await _pipeline.GetRequiredService<ExportIngestHandlers>().Orders.IngestAsync(blob, CancellationToken.None);
    }

    private sealed record InMemoryRebuild(List<StateLine>[] Buckets, List<OrderIndexEntry>[] Index, long Lines, long LinesReplaced, Pipeline.Recompute.OrderDateSpan Span);
}
