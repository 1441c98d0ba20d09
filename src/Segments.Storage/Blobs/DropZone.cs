using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Segments.Storage.Account;

namespace Segments.Storage.Blobs;

/// <summary>A container where shops drop their exports: <c>transactions</c> (orders) unless another is named (<c>customers</c>).</summary>
public sealed class DropZone(StorageAccount account, string containerName)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(containerName);

    /// <summary>The <c>transactions</c> drop zone.</summary>
    public DropZone(StorageAccount account)
        : this(account, StorageNames.TransactionsContainer)
    {
    }

    /// <summary>The container's name.</summary>
    public string ContainerName => containerName;

    /// <summary>Every blob with its current ETag and size, in name order.</summary>
    public async IAsyncEnumerable<DroppedBlob> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in _container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix: null, cancellationToken).ConfigureAwait(false))
        {
            yield return VersionOf(item.Name, item.Properties.ETag, item.Properties.ContentLength ?? 0, item.Metadata);
        }
    }

    /// <summary>The blob's current version, or null when it no longer exists.</summary>
    public async Task<DroppedBlob?> GetAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await _container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return VersionOf(blobName, properties.Value.ETag, properties.Value.ContentLength, properties.Value.Metadata);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Opens a forward-only stream over exactly the version <paramref name="blob"/> names; if the blob
    /// is overwritten meanwhile the read fails rather than mixing two versions.
    /// </summary>
    public Task<Stream> OpenReadAsync(DroppedBlob blob, CancellationToken cancellationToken) =>
        _container.GetBlobClient(blob.Name).OpenReadAsync(
            new BlobOpenReadOptions(allowModifications: false)
            {
                Conditions = new BlobRequestConditions { IfMatch = new ETag(blob.ETag) },
                BufferSize = 4 * 1024 * 1024,
            },
            cancellationToken);

    // Listings return ETags bare and responses quoted; one form keeps receipts and the ledger comparable.
    private static string Unquote(ETag? eTag) => eTag?.ToString().Trim('"') ?? string.Empty;

    /// <summary>
    /// Uploads a file (what a shop's export job does), replacing any blob of that name; <paramref name="mappingName"/>
    /// goes into the blob's <c>mapping</c> metadata and forces that layout.
    /// </summary>
    public async Task<DroppedBlob> UploadAsync(string blobName, Stream content, CancellationToken cancellationToken, string? mappingName = null)
    {
        var options = new BlobUploadOptions();
        if (mappingName is not null)
        {
            options.Metadata = new Dictionary<string, string> { [MappingMetadataKey] = mappingName };
        }

        var response = await _container.GetBlobClient(blobName).UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
        return new DroppedBlob(blobName, Unquote(response.Value.ETag), content.CanSeek ? content.Length : 0, mappingName);
    }

    /// <summary>Blob metadata key that forces a mapping for one upload.</summary>
    public const string MappingMetadataKey = "mapping";

    /// <summary>Blob metadata key that declares the text encoding of a file that is not UTF-8 (e.g. <c>windows-1252</c>).</summary>
    public const string EncodingMetadataKey = "encoding";

    /// <summary>A blob version as its properties describe it: ETag kept bare, forced mapping and declared encoding from its metadata.</summary>
    public static DroppedBlob VersionOf(string blobName, ETag? eTag, long sizeBytes, IDictionary<string, string>? metadata) =>
        new(blobName, Unquote(eTag), sizeBytes, ValueOf(metadata, MappingMetadataKey), ValueOf(metadata, EncodingMetadataKey));

    private static string? ValueOf(IDictionary<string, string>? metadata, string key) =>
        metadata is not null && metadata.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>
/// One version of a dropped blob; <paramref name="MappingName"/> is its forced layout and
/// <paramref name="EncodingName"/> its declared text encoding, if any.
/// </summary>
public sealed record DroppedBlob(string Name, string ETag, long SizeBytes, string? MappingName = null, string? EncodingName = null);
