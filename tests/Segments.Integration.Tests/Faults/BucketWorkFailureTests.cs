using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Segments.Storage.State;

namespace Segments.Integration.Tests.Faults;

/// <summary>
/// A bucket work item that keeps failing (a corrupt state file) fails the fanned-out run with the bucket and the
/// reason after five deliveries, not more; the previous generation stays active and the failed run leaves nothing.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class BucketWorkFailureTests(RestartableAzuriteFixture storage) : IClassFixture<RestartableAzuriteFixture>
{
    [Fact]
    public async Task A_corrupt_bucket_file_fails_the_run_with_its_bucket_and_keeps_the_previous_generation_active()
    {
        await storage.ResetAsync();
        await using var host = await FaultHost.StartAsync(storage.ConnectionString, new Dictionary<string, string>
        {
            ["Segments__BucketedRuns"] = "true",
            ["Segments__BucketWorkOnQueue"] = "true",
            ["Segments__BucketWorkVisibilitySeconds"] = "5",
            ["Segments__Recommendations__Enabled"] = "false",
        });
        await FaultData.UploadSampleAsync(storage.ConnectionString, "sample.csv");
        await host.WaitForBatchAsync("sample.csv");
        var first = await host.WaitForRunAsync(await host.RequestRunAsync(FaultData.AsOf));
        Assert.Equal("succeeded", first.GetProperty("status").GetString());
        var firstId = first.GetProperty("runId").GetString()!;

        var state = new BlobContainerClient(storage.ConnectionString, StorageNames.StateContainer);
        string? corrupt = null;
        await foreach (var blob in state.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, StateLayout.PrefixOf(StateLayout.DefaultStore) + "bucket=", CancellationToken.None))
        {
            corrupt ??= blob.Name;
        }

        Assert.NotNull(corrupt);
        await state.GetBlobClient(corrupt).UploadAsync(BinaryData.FromString("not a parquet file"), overwrite: true);
        var bucket = int.Parse(corrupt.Split("bucket=")[1][..4], System.Globalization.CultureInfo.InvariantCulture);

        var second = await host.WaitForRunAsync(await host.RequestRunAsync(FaultData.AsOf));
        var secondId = second.GetProperty("runId").GetString()!;
        Assert.Equal("failed", second.GetProperty("status").GetString());
        var error = second.GetProperty("error").GetString()!;
        Assert.Contains($"bucket {bucket} failed in pass 'summarise' 5 times", error, StringComparison.Ordinal);
        Assert.Contains(corrupt, error, StringComparison.Ordinal);

        Assert.Equal((System.Net.HttpStatusCode.OK, firstId), await host.LookupAsync(FaultData.CustomerId));
        Assert.DoesNotContain(StorageLeftovers.TableOf(secondId), await StorageLeftovers.GenerationTablesAsync(storage.ConnectionString));
        Assert.Empty(await StorageLeftovers.RunWorkAsync(storage.ConnectionString));
        var progress = new List<string>();
        await foreach (var row in new TableClient(storage.ConnectionString, StorageNames.BucketProgressTable).QueryAsync<TableEntity>())
        {
            progress.Add(row.PartitionKey + "/" + row.RowKey);
        }

        Assert.Empty(progress);
    }
}
