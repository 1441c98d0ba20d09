using System.Text;
using Azure.Data.Tables;
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
/// The state a run merges batch by batch is the state rebuilt from scratch from the same accepted batches, through
/// corrections that move an order to another customer's bucket, a re-upload, a deletion and an older format; and
/// a write that died before its manifest leaves the previous state readable and its leftovers are removed; a rebuild
/// removes the store's state in other format versions.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BucketStateTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // B and D are in different buckets (checked below): Tuesday's correction moves order o2 from B to D.
    private const string Monday =
        """
        customer_id,order_id,order_date,amount
        A,o1,2024-03-01,100
        A,o1,2024-03-01,5.50
        B,o2,2024-03-02,50
        C,o3,2024-03-02,70
        C,o3,2024-03-02,-10

        """;

    private const string Tuesday =
        """
        customer_id,order_id,order_date,amount
        D,o2,2024-03-02,20
        A,o4,2024-03-03,30
        B,o5,2024-03-03,12.5

        """;

    private const string Wednesday =
        """
        customer_id,order_id,order_date,amount
        A,o1,2024-03-01,90
        E,o6,2024-03-04,8
        C,o3,2024-02-20,60

        """;

    private ServiceProvider _pipeline = null!;

    private BucketStateStore Store => _pipeline.GetRequiredService<BucketStateStore>();

    private BucketStateMerger Merger => _pipeline.GetRequiredService<BucketStateMerger>();

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _pipeline = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString).BuildServiceProvider();
        await _pipeline.GetRequiredService<StorageAccount>().EnsureReadyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    [Fact]
    public async Task Merging_batch_by_batch_gives_the_state_a_rebuild_gives_with_orders_moved_across_customer_buckets()
    {
        Assert.NotEqual(CustomerBucket.IndexOf("B", CustomerBucket.DefaultCount), CustomerBucket.IndexOf("D", CustomerBucket.DefaultCount));
        await IngestAsync("monday.csv", Monday);
        var first = await RefreshAsync();
        await IngestAsync("tuesday.csv", Tuesday);
        var second = await RefreshAsync();
        await IngestAsync("wednesday.csv", Wednesday);
        var third = await RefreshAsync();

        Assert.Equal((StateAction.Rebuild, StateAction.Merge, StateAction.Merge), (first.Plan.Action, second.Plan.Action, third.Plan.Action));
        await AssertSameAsRebuildAsync();
        var lines = await AllLinesAsync(StateLayout.PrefixOf(StateLayout.DefaultStore));
        // o2 now belongs to D only; o1 and o3 are Wednesday's versions; 5 orders' lines survive of 11 lines read.
        Assert.Equal(["A o1 90", "A o4 30", "B o5 12.5", "C o3 60", "D o2 20", "E o6 8"], lines.Select(l => $"{l.Line.CustomerId} {l.Line.OrderId} {l.Line.Amount}").Order(StringComparer.Ordinal));
        Assert.Equal((6L, 5L), (third.Manifest.Lines, third.Manifest.LinesReplaced));
        Assert.Equal((new DateOnly(2024, 2, 20), new DateOnly(2024, 3, 4)), (third.Manifest.FirstOrderDate!.Value, third.Manifest.LatestOrderDate!.Value));
    }

    [Fact]
    public async Task A_run_after_nothing_new_rewrites_nothing()
    {
        await IngestAsync("monday.csv", Monday);
        await RefreshAsync();

        var again = await RefreshAsync();

        Assert.Equal((StateAction.UpToDate, 0, 0), (again.Plan.Action, again.BucketsWritten, again.IndexPartitionsWritten));
    }

    [Fact]
    public async Task A_merged_batch_re_uploaded_with_other_content_rebuilds_the_state()
    {
        await IngestAsync("monday.csv", Monday);
        await IngestAsync("tuesday.csv", Tuesday);
        await RefreshAsync();

        await IngestAsync("monday.csv", Monday.Replace("C,o3,2024-03-02,70", "C,o3,2024-03-02,75", StringComparison.Ordinal));
        var refreshed = await RefreshAsync();

        Assert.Equal(StateAction.Rebuild, refreshed.Plan.Action);
        Assert.Contains("monday.csv", refreshed.Plan.Reason, StringComparison.Ordinal);
        await AssertSameAsRebuildAsync();
        Assert.Contains(await AllLinesAsync(StateLayout.PrefixOf(StateLayout.DefaultStore)), l => l.Line.OrderId == "o3" && l.Line.Amount == 75m);
    }

    [Fact]
    public async Task A_merged_batch_re_uploaded_unchanged_keeps_the_state()
    {
        await IngestAsync("monday.csv", Monday);
        await IngestAsync("tuesday.csv", Tuesday);
        await RefreshAsync();

        await IngestAsync("monday.csv", Monday);
        var refreshed = await RefreshAsync();

        Assert.Equal(StateAction.UpToDate, refreshed.Plan.Action);
        await AssertSameAsRebuildAsync();
    }

    [Fact]
    public async Task A_merged_batch_no_longer_in_the_ledger_rebuilds_the_state_without_it()
    {
        await IngestAsync("monday.csv", Monday);
        await IngestAsync("tuesday.csv", Tuesday);
        await RefreshAsync();

        // An operator removes Tuesday's batch: runs no longer read it, so its corrections are undone.
        await new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.BatchesTable).DeleteEntityAsync("batch", "tuesday.csv");
        var refreshed = await RefreshAsync();

        Assert.Equal(StateAction.Rebuild, refreshed.Plan.Action);
        await AssertSameAsRebuildAsync();
        Assert.Contains(await AllLinesAsync(StateLayout.PrefixOf(StateLayout.DefaultStore)), l => l.Line.OrderId == "o2" && l.Line.CustomerId == "B");
    }

    [Fact]
    public async Task A_manifest_of_another_format_version_is_rebuilt_not_read()
    {
        await IngestAsync("monday.csv", Monday);
        await RefreshAsync();
        var prefix = StateLayout.PrefixOf(StateLayout.DefaultStore);
        var stored = await Store.GetManifestAsync(prefix, CancellationToken.None);
        await Store.SaveManifestAsync(prefix, stored.Manifest! with { FormatVersion = 0, Batches = [] }, stored.ETag, CancellationToken.None);
        await IngestAsync("tuesday.csv", Tuesday);

        var refreshed = await RefreshAsync();

        Assert.Equal(StateAction.Rebuild, refreshed.Plan.Action);
        Assert.Contains("format version 0", refreshed.Plan.Reason, StringComparison.Ordinal);
        await AssertSameAsRebuildAsync();
    }

    [Fact]
    public async Task A_manifest_that_is_not_json_is_rebuilt_not_read()
    {
        await IngestAsync("monday.csv", Monday);
        await RefreshAsync();
        var container = _pipeline.GetRequiredService<StorageAccount>().Blobs.GetBlobContainerClient(StorageNames.StateContainer);
        await container.GetBlobClient(StateLayout.ManifestOf(StateLayout.PrefixOf(StateLayout.DefaultStore))).UploadAsync(BinaryData.FromString("{ half a manifest"), overwrite: true);

        var refreshed = await RefreshAsync();

        Assert.Equal(StateAction.Rebuild, refreshed.Plan.Action);
        Assert.Contains("manifest.json", refreshed.Plan.Reason, StringComparison.Ordinal);
        await AssertSameAsRebuildAsync();
    }

    [Fact]
    public async Task Files_of_a_write_that_died_before_its_manifest_are_not_read_and_are_removed_by_the_next_write()
    {
        await IngestAsync("monday.csv", Monday);
        await RefreshAsync();
        var prefix = StateLayout.PrefixOf(StateLayout.DefaultStore);
        var bucketOfB = CustomerBucket.IndexOf("B", CustomerBucket.DefaultCount);
        var leftover = StateLayout.BucketFile(bucketOfB, "dead-write");
        await Store.WriteBucketAsync(prefix, leftover, [new StateLine(9, 0, new Core.Transactions.TransactionLine("B", "o9", new DateOnly(2024, 3, 9), 999m, string.Empty, false))], CancellationToken.None);
        var before = await AllLinesAsync(prefix);

        await IngestAsync("tuesday.csv", Tuesday);
        await RefreshAsync();

        Assert.DoesNotContain(before, l => l.Line.OrderId == "o9");
        Assert.DoesNotContain(prefix + leftover, await Store.ListAsync(prefix, CancellationToken.None));
        await AssertSameAsRebuildAsync();
    }

    [Fact]
    public async Task A_rebuild_removes_the_store_s_state_in_another_format_version_and_nothing_else()
    {
        var container = _pipeline.GetRequiredService<StorageAccount>().Blobs.GetBlobContainerClient(StorageNames.StateContainer);
        string[] otherVersion = ["default/v1/manifest.json", "default/v1/bucket=0003/orders-w1.parquet", "default/v7/manifest.json"];
        string[] notOurs = ["other-shop/v1/manifest.json", "default/notes.txt", "default/version-notes/v1/a.txt"];
        foreach (var name in otherVersion.Concat(notOurs))
        {
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromString("left by another format"));
        }

        await IngestAsync("monday.csv", Monday);

        var refreshed = await RefreshAsync();

        Assert.Equal(StateAction.Rebuild, refreshed.Plan.Action);
        Assert.Equal(otherVersion.Length, refreshed.OtherVersionBlobsRemoved);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        Assert.Empty(names.Intersect(otherVersion));
        Assert.Subset(names.ToHashSet(), notOurs.ToHashSet());
        Assert.Contains(StateLayout.ManifestOf(StateLayout.PrefixOf(StateLayout.DefaultStore)), names);
        await AssertSameAsRebuildAsync();
    }

    private async Task<StateRefresh> RefreshAsync() =>
        await Merger.RefreshAsync(AcceptedBatches.NewestFirst(await _pipeline.GetRequiredService<BatchLedger>().ListAsync(CancellationToken.None)), CancellationToken.None);

    /// <summary>Rebuilds from scratch under another prefix and compares manifest and every bucket and index partition.</summary>
    private async Task AssertSameAsRebuildAsync()
    {
        var accepted = AcceptedBatches.NewestFirst(await _pipeline.GetRequiredService<BatchLedger>().ListAsync(CancellationToken.None));
        var rebuiltPrefix = $"rebuilt-{Guid.NewGuid():N}/v1/";
        var fresh = new BucketStateMerger(Store, _pipeline.GetRequiredService<NormalizedBatchStore>(), TimeProvider.System) { Prefix = rebuiltPrefix };
        var rebuilt = (await fresh.RefreshAsync(accepted, CancellationToken.None)).Manifest;
        var prefix = StateLayout.PrefixOf(StateLayout.DefaultStore);
        var merged = (await Store.GetManifestAsync(prefix, CancellationToken.None)).Manifest!;

        // An identical re-upload changes the blob's ETag only, which the manifest need not follow.
        Assert.Equal(rebuilt.Batches.Select(b => b with { ETag = string.Empty }), merged.Batches.Select(b => b with { ETag = string.Empty }));
        Assert.Equal((rebuilt.FirstOrderDate, rebuilt.LatestOrderDate, rebuilt.Lines, rebuilt.LinesReplaced), (merged.FirstOrderDate, merged.LatestOrderDate, merged.Lines, merged.LinesReplaced));
        for (var b = 0; b < rebuilt.BucketCount; b++)
        {
            Assert.Equal(rebuilt.BucketFiles[b] is null, merged.BucketFiles[b] is null);
            Assert.Equal(await BucketAsync(rebuiltPrefix, rebuilt.BucketFiles[b]), await BucketAsync(prefix, merged.BucketFiles[b]));
        }

        for (var p = 0; p < rebuilt.IndexPartitions; p++)
        {
            Assert.Equal(await IndexAsync(rebuiltPrefix, rebuilt.IndexFiles[p]), await IndexAsync(prefix, merged.IndexFiles[p]));
        }
    }

    private async Task<List<StateLine>> AllLinesAsync(string prefix)
    {
        var manifest = (await Store.GetManifestAsync(prefix, CancellationToken.None)).Manifest!;
        var lines = new List<StateLine>();
        foreach (var file in manifest.BucketFiles)
        {
            lines.AddRange(await BucketAsync(prefix, file));
        }

        return lines;
    }

    private async Task<List<StateLine>> BucketAsync(string prefix, string? file) =>
        file is null ? [] : await Store.ReadBucketAsync(prefix, file, CancellationToken.None);

    private async Task<List<OrderIndexEntry>> IndexAsync(string prefix, string? file) =>
        file is null ? [] : await Store.ReadIndexAsync(prefix, file, CancellationToken.None);

    private async Task IngestAsync(string blobName, string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        var blob = await new DropZone(_pipeline.GetRequiredService<StorageAccount>()).UploadAsync(blobName, stream, CancellationToken.None);
        await _pipeline.GetRequiredService<ExportIngestHandlers>().Orders.IngestAsync(blob, CancellationToken.None);
    }
}
