using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Segments.Storage.Account;

namespace Segments.Storage.Blobs;

/// <summary>The <c>config</c> container: store-level settings that change without a deployment.</summary>
public sealed class ConfigStore(StorageAccount account)
{
    /// <summary>Folder of export mappings, one JSON file each.</summary>
    public const string MappingsPrefix = "mappings/";

    /// <summary>Folder of customer-export (profile) mappings, one JSON file each.</summary>
    public const string ProfileMappingsPrefix = "profile-mappings/";

    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(StorageNames.ConfigContainer);

    /// <summary>Every mapping document under <paramref name="prefix"/> (<see cref="MappingsPrefix"/> or <see cref="ProfileMappingsPrefix"/>), with its blob name.</summary>
    public async Task<IReadOnlyList<(string Name, string Json)>> ReadMappingsAsync(string prefix, CancellationToken cancellationToken)
    {
        var documents = new List<(string, string)>();
        await foreach (var item in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            if (item.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                documents.Add((item.Name, await ReadTextAsync(item.Name, cancellationToken).ConfigureAwait(false) ?? string.Empty));
            }
        }

        return documents;
    }

    /// <summary>A config blob's text, or null when it does not exist.</summary>
    public async Task<string?> ReadTextAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Writes a config blob.</summary>
    public Task WriteTextAsync(string name, string text, CancellationToken cancellationToken) =>
        _container.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: true, cancellationToken);
}
