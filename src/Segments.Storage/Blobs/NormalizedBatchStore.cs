using System.IO.Compression;
using Azure.Storage.Blobs;
using Segments.Storage.Account;

namespace Segments.Storage.Blobs;

/// <summary>Gzipped normalised batches in the <c>normalized</c> container.</summary>
public sealed class NormalizedBatchStore(StorageAccount account)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer);

    /// <summary>A stream that uploads as it is written; dispose it to finish the blob.</summary>
    public async Task<Stream> OpenWriteAsync(string name, CancellationToken cancellationToken)
    {
        var upload = await _container.GetBlobClient(name).OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new GZipStream(upload, CompressionLevel.Fastest, leaveOpen: false);
    }

    /// <summary>A decompressing read stream.</summary>
    public async Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        var download = await _container.GetBlobClient(name).OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return new GZipStream(download, CompressionMode.Decompress, leaveOpen: false);
    }

    /// <summary>
    /// The names of the copies at the container's root (order exports; profiles and events have folders of their own):
    /// one listing request per 5,000, so a run can check that the copies its state was built from are still there.
    /// </summary>
    public async Task<IReadOnlySet<string>> ListRootNamesAsync(CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var item in _container.GetBlobsByHierarchyAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "/", prefix: null, cancellationToken).ConfigureAwait(false))
        {
            if (item.IsBlob)
            {
                names.Add(item.Blob.Name);
            }
        }

        return names;
    }

    /// <summary>Deletes a batch copy if it exists.</summary>
    public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        _container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
}
