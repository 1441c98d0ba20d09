using Azure.Storage.Blobs;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Storage.Blobs;

/// <summary>
/// <see cref="BlobFolder.DeleteAsync"/> against Azurite: every blob under the prefix that the predicate picks is
/// deleted (more of them than deletes in flight, so the concurrent path is taken), the count is exact, and nothing
/// outside the prefix or kept by the predicate goes.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobFolderTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private BlobContainerClient _container = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _container = new BlobContainerClient(azurite.ConnectionString, $"folder-{Guid.NewGuid():N}");
        await _container.CreateAsync();
    }

    public async Task DisposeAsync() => await _container.DeleteIfExistsAsync();

    [Fact]
    public async Task Deletes_every_blob_under_the_prefix_the_predicate_picks_and_counts_them()
    {
        var under = Enumerable.Range(0, 50).Select(i => $"runs/r1/bucket={i:D4}.bin").ToList();
        var kept = Enumerable.Range(0, 5).Select(i => $"runs/r1/lines/bucket={i:D4}.bin").ToList();
        var outside = new[] { "runs/r10/bucket=0000.bin", "runs/r2/bucket=0000.bin", "state.json" };
        await Task.WhenAll(under.Concat(kept).Concat(outside).Select(name => _container.UploadBlobAsync(name, BinaryData.FromString(name))));

        var removed = await BlobFolder.DeleteAsync(_container, "runs/r1/", name => !name.StartsWith("runs/r1/lines/", StringComparison.Ordinal), CancellationToken.None);

        Assert.Equal(50, removed);
        Assert.Equal(kept.Concat(outside).Order(StringComparer.Ordinal), await NamesAsync());
    }

    [Fact]
    public async Task Without_a_predicate_deletes_the_whole_folder_and_again_finds_nothing()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _container.UploadBlobAsync($"recommendations/r1/bucket={i:D4}.json", BinaryData.FromString("[]"))));
        await _container.UploadBlobAsync("recommendations/r1.json", BinaryData.FromString("{}"));

        Assert.Equal(20, await BlobFolder.DeleteAsync(_container, "recommendations/r1/", remove: null, CancellationToken.None));
        Assert.Equal(0, await BlobFolder.DeleteAsync(_container, "recommendations/r1/", remove: null, CancellationToken.None));
        Assert.Equal(["recommendations/r1.json"], await NamesAsync());
    }

    [Fact]
    public async Task A_container_that_is_not_there_holds_nothing_to_delete()
    {
        var missing = new BlobContainerClient(azurite.ConnectionString, $"missing-{Guid.NewGuid():N}");

        Assert.Equal(0, await BlobFolder.DeleteAsync(missing, "runs/", remove: null, CancellationToken.None));
    }

    private async Task<List<string>> NamesAsync()
    {
        var names = new List<string>();
        await foreach (var blob in _container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names.Order(StringComparer.Ordinal).ToList();
    }
}
