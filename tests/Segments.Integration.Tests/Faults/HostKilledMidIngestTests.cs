using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Xunit.Abstractions;

namespace Segments.Integration.Tests.Faults;

/// <summary>
/// The host is killed while it ingests the full Online Retail export and started again: the export is
/// ingested exactly once (one accepted ledger row), a run counts what the reference counts, and no
/// normalised blob is left that the ledger does not name.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class HostKilledMidIngestTests(RestartableAzuriteFixture storage, ITestOutputHelper output) : IClassFixture<RestartableAzuriteFixture>
{
    private const string BlobName = "online-retail.csv";

    [OnlineRetailFact]
    public async Task Host_killed_mid_ingest_ingests_the_export_once_after_restart()
    {
        var first = await FaultHost.StartAsync(storage.ConnectionString);
        await FaultData.UploadAsync(storage.ConnectionString, BlobName, RepositoryPaths.OnlineRetail);
        // Killed once the normalised copy is half written (staged blocks, nothing committed): a fixed wait would
        // kill it before or after the ingest depending on the machine's speed.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await StorageLeftovers.NormalizedWriteUnderWayAsync(storage.ConnectionString))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), "the ingest never started writing its normalised copy");
            Assert.Empty(await first.BatchRowsAsync(BlobName));
            await Task.Delay(20);
        }

        var rowsAtKill = await first.BatchRowsAsync(BlobName);
        await first.KillAsync();

        await using var second = await FaultHost.StartAsync(storage.ConnectionString);
        var rows = await second.WaitForBatchAsync(BlobName);
        var run = await second.WaitForRunAsync(await second.RequestRunAsync(OnlineRetailReference.AsOf));
        var normalized = await StorageLeftovers.NormalizedBlobsAsync(storage.ConnectionString);

        output.WriteLine($"ledger rows at the kill: {rowsAtKill.Count}; after restart: {string.Join(", ", rows.Select(r => r.GetProperty("status").GetString()))}; normalised blobs: {string.Join(", ", normalized)}");
        Assert.Empty(rowsAtKill);
        var batch = Assert.Single(rows);
        Assert.Equal("accepted", batch.GetProperty("status").GetString());
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(OnlineRetailReference.Customers, run.GetProperty("customersScored").GetInt32());
        // The export's one normalised copy and the run's own blobs; a run scored bucket by bucket (the default) keeps
        // its customers' recommendation lists in a container of the run's own, one blob per bucket.
        var runId = run.GetProperty("runId").GetString()!;
        Assert.Equal(
            new[] { batch.GetProperty("normalizedBlob").GetString()!, StorageLeftovers.ProfilesOf(runId), Segments.Storage.Recommendations.RecommendationStore.BlobNameFor(runId) }.Order(),
            normalized.Order());
        Assert.Equal(
            [Segments.Storage.Recommendations.RecommendationStore.BucketContainerOf(runId)],
            await StorageLeftovers.ContainersAsync(storage.ConnectionString, Segments.Storage.Recommendations.RecommendationStore.BucketContainerPrefix));
    }
}
