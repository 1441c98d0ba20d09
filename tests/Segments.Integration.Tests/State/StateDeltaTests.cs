using System.Globalization;
using System.Text;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
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
/// A merge takes a day as a small addition (issue 19): it writes delta files only, whose bytes are small against the
/// state; what readers see through base and deltas, and what a compaction folds them into, is what a rebuild from the
/// batches holds, over random sequences of new orders, re-exports and orders moved to another customer; and a state
/// of format version 1 is rebuilt, not read as if it had no deltas.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StateDeltaTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Never folds by size: a merge adds a delta until a bucket has 64 of them.
    private static readonly StateCompaction DeltasOnly = new(MaxDeltas: 64, MaxDeltaShare: double.PositiveInfinity);

    // Folds every bucket and partition a merge touches.
    private static readonly StateCompaction FoldEverything = new(MaxDeltas: 0, MaxDeltaShare: 0);

    private ServiceProvider _pipeline = null!;

    private BucketStateStore Store => _pipeline.GetRequiredService<BucketStateStore>();

    private string Prefix => StateLayout.PrefixOf(StateLayout.DefaultStore);

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _pipeline = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString).BuildServiceProvider();
        await _pipeline.GetRequiredService<StorageAccount>().EnsureReadyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    [Fact]
    public async Task A_merge_of_a_small_day_with_the_default_bound_writes_only_delta_files_a_few_percent_of_the_state()
    {
        // The default bound without its turns (a ninth of the buckets fold on every merge by turns: StateCompactionTests).
        var unstaggered = StateCompaction.Default with { Staggered = false };
        var days = new DayGenerator(new Random(11), customers: 5_000);
        await IngestAsync("history.csv", days.Next(newOrders: 40_000, reExports: 0));
        await RefreshAsync(unstaggered);
        var before = await BlobSizesAsync();
        await IngestAsync("day-1.csv", days.Next(newOrders: 150, reExports: 20));

        var merged = await RefreshAsync(unstaggered);

        var written = (await BlobSizesAsync()).Where(b => !before.ContainsKey(b.Key) && !b.Key.EndsWith("manifest.json", StringComparison.Ordinal)).ToList();
        var stateBytes = before.Where(b => !b.Key.EndsWith("manifest.json", StringComparison.Ordinal)).Sum(b => b.Value);
        Assert.Equal((StateAction.Merge, 0, 0), (merged.Plan.Action, merged.BucketsCompacted, merged.IndexPartitionsCompacted));
        Assert.NotEmpty(written);
        Assert.All(written, b => Assert.Matches(@"/(delta|replaced)-[^/]+\.parquet$", b.Key));
        Assert.Contains(written, b => b.Key.Contains("/replaced-", StringComparison.Ordinal));
        // Every base file is still the rebuild's: nothing old was rewritten.
        Assert.All(before.Keys.Where(k => !k.EndsWith("manifest.json", StringComparison.Ordinal)), k => Assert.Contains(k, merged.Manifest.Files().Select(f => Prefix + f)));
        var share = written.Sum(b => b.Value) / (double)stateBytes;
        Assert.True(share < 0.15, $"the merge wrote {written.Sum(b => b.Value):N0} bytes against a state of {stateBytes:N0} ({share:P1})");
        await AssertSameAsRebuildAsync(merged.Manifest);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Merges_of_random_days_read_as_a_rebuild_and_their_compaction_writes_the_rebuilds_files(int seed)
    {
        var random = new Random(seed);
        var days = new DayGenerator(random, customers: 60);
        await IngestAsync("day-00.csv", days.Next(newOrders: 150, reExports: 0));
        await RefreshAsync(DeltasOnly);
        for (var day = 1; day <= 6; day++)
        {
            await IngestAsync($"day-{day:D2}.csv", days.Next(newOrders: random.Next(0, 12), reExports: random.Next(0, 15)));
            var merged = await RefreshAsync(DeltasOnly);

            Assert.Equal(StateAction.Merge, merged.Plan.Action);
            await AssertSameAsRebuildAsync(merged.Manifest);
        }

        var withDeltas = await Manifest();
        Assert.Contains(Enumerable.Range(0, 64), b => withDeltas.DeltasOf(b).Count > 1);
        await IngestAsync("day-07.csv", days.Next(newOrders: 5, reExports: 5));
        var compacted = await RefreshAsync(FoldEverything);

        Assert.Equal(compacted.BucketsWritten, compacted.BucketsCompacted);
        var rebuilt = await AssertSameAsRebuildAsync(compacted.Manifest);
        // Folded by the compaction or left alone since the first build: either way, a bucket's files are the rebuild's.
        var manifest = compacted.Manifest;
        for (var b = 0; b < manifest.BucketCount; b++)
        {
            if (manifest.DeltasOf(b).Count == 0)
            {
                Assert.Equal(await LinesAsync(rebuilt.Prefix, rebuilt.Manifest.BucketFiles[b]), await LinesAsync(Prefix, manifest.BucketFiles[b]));
            }
        }
    }

    [Fact]
    public async Task Daily_merges_with_the_default_bound_fold_the_buckets_whose_turn_it_is_and_read_as_a_rebuild()
    {
        var days = new DayGenerator(new Random(5), customers: 2_000);
        await IngestAsync("history.csv", days.Next(newOrders: 8_000, reExports: 0));
        await RefreshAsync(StateCompaction.Default);
        for (var day = 1; day <= 3; day++)
        {
            var before = await Manifest();
            await IngestAsync($"day-{day}.csv", days.Next(newOrders: 100, reExports: 10));

            var merged = await RefreshAsync(StateCompaction.Default);

            // Small days on large bases: only the turns fold, a ninth of the buckets ((batches merged + bucket) mod 9 = 0).
            var turns = Enumerable.Range(0, 64).Where(b => (before.Batches.Count + b) % 9 == 0).ToHashSet();
            var rebased = Enumerable.Range(0, 64).Where(b => merged.Manifest.BucketFiles[b] != before.BucketFiles[b]).ToList();
            Assert.Equal(StateAction.Merge, merged.Plan.Action);
            Assert.NotEmpty(rebased);
            Assert.Subset(turns, rebased.ToHashSet());
            Assert.Equal(rebased.Count, merged.BucketsCompacted);
            Assert.All(rebased, b => Assert.Empty(merged.Manifest.DeltasOf(b)));
            await AssertSameAsRebuildAsync(merged.Manifest);
        }
    }

    [Fact]
    public async Task An_order_a_later_day_moves_to_another_customer_is_dropped_from_its_old_bucket_through_a_delta()
    {
        Assert.NotEqual(CustomerBucket.IndexOf("B", CustomerBucket.DefaultCount), CustomerBucket.IndexOf("D", CustomerBucket.DefaultCount));
        await IngestAsync("monday.csv", "customer_id,order_id,order_date,amount\nB,o2,2024-03-02,50\nB,o2,2024-03-02,7\nB,o3,2024-03-02,70\nD,o4,2024-03-02,10\n");
        var first = await RefreshAsync(DeltasOnly);
        var bucketOfB = CustomerBucket.IndexOf("B", CustomerBucket.DefaultCount);
        var bucketOfD = CustomerBucket.IndexOf("D", CustomerBucket.DefaultCount);
        await IngestAsync("tuesday.csv", "customer_id,order_id,order_date,amount\nD,o2,2024-03-02,20\n");

        var second = await RefreshAsync(DeltasOnly);

        var manifest = second.Manifest;
        Assert.Equal(first.Manifest.BucketFiles[bucketOfB], manifest.BucketFiles[bucketOfB]);
        var deltaOfB = Assert.Single(manifest.DeltasOf(bucketOfB));
        Assert.Equal((null, 0L, 1L), (deltaOfB.LinesFile, deltaOfB.Lines, deltaOfB.Replaced));
        Assert.Equal(["o2"], await Store.ReadReplacedAsync(Prefix, deltaOfB.ReplacedFile!, CancellationToken.None));
        Assert.Equal(["B o3 70"], Describe(await Store.ReadBucketStateAsync(Prefix, manifest, bucketOfB, CancellationToken.None)));
        Assert.Equal(["D o2 20", "D o4 10"], Describe(await Store.ReadBucketStateAsync(Prefix, manifest, bucketOfD, CancellationToken.None)));
        Assert.Equal((3L, 2L), (manifest.Lines, manifest.LinesReplaced));
        await AssertSameAsRebuildAsync(manifest);
    }

    [Fact]
    public async Task A_state_of_format_version_1_is_rebuilt_from_the_batches_not_read_without_its_deltas()
    {
        Assert.Equal((2, "default/v2/"), (StateLayout.FormatVersion, Prefix));
        await IngestAsync("monday.csv", "customer_id,order_id,order_date,amount\nB,o2,2024-03-02,50\nC,o3,2024-03-02,70\n");
        await RefreshAsync(DeltasOnly);
        await IngestAsync("tuesday.csv", "customer_id,order_id,order_date,amount\nD,o2,2024-03-02,20\n");
        await RefreshAsync(DeltasOnly);
        // What format 1 wrote: bases only. Read as it is, B's replaced o2 would come back.
        var stored = await Store.GetManifestAsync(Prefix, CancellationToken.None);
        await Store.SaveManifestAsync(Prefix, stored.Manifest! with { FormatVersion = 1, BucketDeltas = [], IndexDeltas = [] }, stored.ETag, CancellationToken.None);
        await IngestAsync("wednesday.csv", "customer_id,order_id,order_date,amount\nE,o6,2024-03-04,8\n");

        var refreshed = await RefreshAsync(DeltasOnly);

        Assert.Equal(StateAction.Rebuild, refreshed.Plan.Action);
        Assert.Contains("format version 1", refreshed.Plan.Reason, StringComparison.Ordinal);
        var lines = new List<StateLine>();
        for (var b = 0; b < refreshed.Manifest.BucketCount; b++)
        {
            lines.AddRange(await Store.ReadBucketStateAsync(Prefix, refreshed.Manifest, b, CancellationToken.None));
        }

        Assert.Equal(["C o3 70", "D o2 20", "E o6 8"], Describe(lines));
        await AssertSameAsRebuildAsync(refreshed.Manifest);
    }

    private static List<string> Describe(IEnumerable<StateLine> lines) =>
        lines.Select(l => $"{l.Line.CustomerId} {l.Line.OrderId} {l.Line.Amount.ToString(CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal).ToList();

    private async Task<StateManifest> Manifest() => (await Store.GetManifestAsync(Prefix, CancellationToken.None)).Manifest!;

    private async Task<StateRefresh> RefreshAsync(StateCompaction compaction)
    {
        var merger = new BucketStateMerger(Store, _pipeline.GetRequiredService<NormalizedBatchStore>(), TimeProvider.System) { Compaction = compaction };
        return await merger.RefreshAsync(await AcceptedAsync(), CancellationToken.None);
    }

    /// <summary>
    /// Rebuilds from the accepted batches under another prefix and compares what a reader sees bucket by bucket (base
    /// and deltas), the counts, and each order's index rows (newest file first), with <paramref name="merged"/>.
    /// </summary>
    private async Task<(string Prefix, StateManifest Manifest)> AssertSameAsRebuildAsync(StateManifest merged)
    {
        var rebuiltPrefix = $"rebuilt-{Guid.NewGuid():N}/v2/";
        var fresh = new BucketStateMerger(Store, _pipeline.GetRequiredService<NormalizedBatchStore>(), TimeProvider.System) { Prefix = rebuiltPrefix };
        var rebuilt = (await fresh.RefreshAsync(await AcceptedAsync(), CancellationToken.None)).Manifest;

        Assert.Equal(rebuilt.Batches.Select(b => b with { ETag = string.Empty }), merged.Batches.Select(b => b with { ETag = string.Empty }));
        Assert.Equal((rebuilt.FirstOrderDate, rebuilt.LatestOrderDate, rebuilt.Lines, rebuilt.LinesReplaced), (merged.FirstOrderDate, merged.LatestOrderDate, merged.Lines, merged.LinesReplaced));
        for (var b = 0; b < rebuilt.BucketCount; b++)
        {
            Assert.Equal(
                await Store.ReadBucketStateAsync(rebuiltPrefix, rebuilt, b, CancellationToken.None),
                await Store.ReadBucketStateAsync(Prefix, merged, b, CancellationToken.None));
        }

        for (var p = 0; p < rebuilt.IndexPartitions; p++)
        {
            Assert.Equal(await IndexAsync(rebuiltPrefix, rebuilt, p), await IndexAsync(Prefix, merged, p));
        }

        return (rebuiltPrefix, rebuilt);
    }

    // A partition's rows as the merge reads them: each order's rows from the newest file that has the order.
    private async Task<List<IndexedOrder>> IndexAsync(string prefix, StateManifest manifest, int partition)
    {
        var rows = new List<IndexedOrder>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.IndexDeltasOf(partition).Reverse().Select(d => d.File).Append(manifest.IndexFiles[partition]).OfType<string>())
        {
            var inFile = await Store.ReadIndexRowsAsync(prefix, file, CancellationToken.None);
            rows.AddRange(inFile.Where(r => !seen.Contains(r.Entry.OrderId)));
            seen.UnionWith(inFile.Select(r => r.Entry.OrderId));
        }

        return rows.OrderBy(r => r.Entry.OrderId, StringComparer.Ordinal).ThenBy(r => r.Entry.Bucket).ToList();
    }

    private async Task<List<StateLine>> LinesAsync(string prefix, string? file) =>
        file is null ? [] : await Store.ReadBucketAsync(prefix, file, CancellationToken.None);

    private async Task<Dictionary<string, long>> BlobSizesAsync()
    {
        var container = _pipeline.GetRequiredService<StorageAccount>().Blobs.GetBlobContainerClient(StorageNames.StateContainer);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, Prefix, CancellationToken.None))
        {
            sizes[blob.Name] = blob.Properties.ContentLength ?? 0;
        }

        return sizes;
    }

    private async Task<List<BatchRecord>> AcceptedAsync() =>
        AcceptedBatches.NewestFirst(await _pipeline.GetRequiredService<BatchLedger>().ListAsync(CancellationToken.None));

    private async Task IngestAsync(string blobName, string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        var blob = await new DropZone(_pipeline.GetRequiredService<StorageAccount>()).UploadAsync(blobName, stream, CancellationToken.None);
        await _pipeline.GetRequiredService<ExportIngestHandlers>().Orders.IngestAsync(blob, CancellationToken.None);
    }

    /// <summary>
    /// Day files of an order export: new orders of 1-3 lines, and re-exports of earlier orders with other amounts,
    /// a line more or less, and a third of them under another customer (so in another bucket).
    /// </summary>
    private sealed class DayGenerator(Random random, int customers)
    {
        private readonly List<(string Order, string Customer, DateOnly Date)> _orders = [];
        private int _day;

        public string Next(int newOrders, int reExports)
        {
            var date = new DateOnly(2024, 1, 1).AddDays(_day++);
            var earlier = _orders.Count;
            for (var o = 0; o < newOrders; o++)
            {
                _orders.Add(($"O{_orders.Count:D6}", $"C{random.Next(customers):D4}", date));
            }

            var file = _orders.Skip(earlier).ToList();
            for (var r = 0; r < reExports && earlier > 0; r++)
            {
                var i = random.Next(earlier);
                if (random.Next(3) == 0)
                {
                    _orders[i] = _orders[i] with { Customer = $"C{random.Next(customers):D4}" };
                }

                file.Add(_orders[i]);
            }

            var csv = new StringBuilder("customer_id,order_id,order_date,amount,product\n");
            foreach (var (order, customer, day) in file.DistinctBy(o => o.Order))
            {
                for (var l = random.Next(1, 4); l > 0; l--)
                {
                    var amount = (random.Next(-500, 20_000) / 100m).ToString(CultureInfo.InvariantCulture);
                    csv.Append(CultureInfo.InvariantCulture, $"{customer},{order},{day:yyyy-MM-dd},{amount},P{random.Next(40)}\n");
                }
            }

            return csv.ToString();
        }
    }
}
