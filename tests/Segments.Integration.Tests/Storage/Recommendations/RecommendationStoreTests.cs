using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Segments.Core.Recommendations;
using Segments.Integration.Tests.Faults;
using Segments.Integration.Tests.Fixtures;
using Segments.Pipeline.Configuration;
using Segments.Storage.Account;
using Segments.Storage.Recommendations;

namespace Segments.Integration.Tests.Storage.Recommendations;

/// <summary>
/// <see cref="RecommendationStore"/>'s bucket lists against Azurite: a run's are in a container of its own, which
/// dropping the run deletes whole; a run's lists written before the containers (under <c>recommendations/{runId}/</c>
/// in <c>normalized</c>) are still read and dropped.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecommendationStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string RunId = "20111210T120000000Z-ab12";
    private const string OtherRunId = "20111211T120000000Z-cd34";

    private ServiceProvider _pipeline = null!;
    private RecommendationStore _store = null!;
    private BlobServiceClient _service = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _pipeline = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString).BuildServiceProvider();
        await _pipeline.GetRequiredService<StorageAccount>().EnsureReadyAsync(CancellationToken.None);
        _store = _pipeline.GetRequiredService<RecommendationStore>();
        _service = new BlobServiceClient(azurite.ConnectionString);
    }

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    [Fact]
    public async Task A_bucket_s_lists_are_stored_in_the_run_s_own_container_and_read_back_and_a_bucket_never_written_reads_empty()
    {
        var written = await _store.WriteBucketAsync(RunId, 3, Lists("c1", "P1"), CancellationToken.None);

        Assert.Equal("recommendations-20111210t120000000zab12/bucket=0003.json", written);
        Assert.Equal("P1", (await _store.ReadBucketAsync(RunId, 3, CancellationToken.None))["c1"].Items[0].Product);
        Assert.Empty(await _store.ReadBucketAsync(RunId, 4, CancellationToken.None));
        Assert.Empty(await _store.ReadBucketAsync(OtherRunId, 3, CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_a_run_removes_its_container_and_document_and_leaves_another_run_s()
    {
        foreach (var runId in new[] { RunId, OtherRunId })
        {
            for (var bucket = 0; bucket < 4; bucket++)
            {
                await _store.WriteBucketAsync(runId, bucket, Lists($"c{bucket}", "P1"), CancellationToken.None);
            }
        }

        await _store.DeleteAsync(RunId, CancellationToken.None);

        Assert.Equal([RecommendationStore.BucketContainerOf(OtherRunId)], await StorageLeftovers.ContainersAsync(azurite.ConnectionString, RecommendationStore.BucketContainerPrefix));
        Assert.Empty(await _store.ReadBucketAsync(RunId, 0, CancellationToken.None));
        Assert.Equal("P1", (await _store.ReadBucketAsync(OtherRunId, 2, CancellationToken.None))["c2"].Items[0].Product);
    }

    [Fact]
    public async Task Lists_a_run_wrote_before_the_containers_are_read_from_the_old_folder_and_deleted_with_the_run()
    {
        var normalized = _service.GetBlobContainerClient(StorageNames.NormalizedContainer);
        await normalized.UploadBlobAsync($"{RecommendationStore.Prefix}{RunId}/bucket=0001.json", BinaryData.FromString("""{"c9":{"customerId":"c9","model":"Popularity","fallback":true,"items":[{"rank":1,"product":"OLD","score":0.5,"reason":"popular"}]}}"""));

        Assert.Equal("OLD", (await _store.ReadBucketAsync(RunId, 1, CancellationToken.None))["c9"].Items[0].Product);
        Assert.Equal([RunId], await _store.ListRunIdsAsync(CancellationToken.None));

        await _store.DeleteAsync(RunId, CancellationToken.None);

        Assert.Empty(await _store.ListRunIdsAsync(CancellationToken.None));
        Assert.Empty(await _store.ReadBucketAsync(RunId, 1, CancellationToken.None));
    }

    [Fact]
    public async Task The_sweep_deletes_every_container_of_lists_but_the_kept_runs_and_names_them()
    {
        await _store.WriteBucketAsync(RunId, 0, Lists("c1", "P1"), CancellationToken.None);
        await _store.WriteBucketAsync(OtherRunId, 0, Lists("c1", "P1"), CancellationToken.None);

        var deleted = await _store.DeleteBucketContainersExceptAsync([RunId], CancellationToken.None);

        Assert.Equal([RecommendationStore.BucketContainerOf(OtherRunId)], deleted);
        Assert.Equal([RecommendationStore.BucketContainerOf(RunId)], await StorageLeftovers.ContainersAsync(azurite.ConnectionString, RecommendationStore.BucketContainerPrefix));
    }

    private static Dictionary<string, CustomerRecommendations> Lists(string customerId, string product) =>
        new(StringComparer.Ordinal) { [customerId] = new CustomerRecommendations(customerId, RecommendationModelKind.Popularity, false, [new Recommendation(1, product, 0.5, "popular")]) };
}
