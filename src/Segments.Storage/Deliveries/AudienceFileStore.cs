using Azure.Storage.Blobs;
using Segments.Storage.Account;

namespace Segments.Storage.Deliveries;

/// <summary>The <c>audiences</c> container: the list files tools that import audiences pick up, per destination and run.</summary>
public sealed class AudienceFileStore(StorageAccount account)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(StorageNames.AudiencesContainer);

    /// <summary>The folder of a destination's files of one run: <c>{destination}/{runId}/</c>.</summary>
    public static string FolderOf(string destination, string runId) => $"{destination}/{runId}/";

    /// <summary>Writes one file (overwriting what an interrupted earlier attempt left).</summary>
    public Task WriteAsync(string blobName, string text, CancellationToken cancellationToken) =>
        _container.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(text), overwrite: true, cancellationToken);

    /// <summary>A file's text, or null when it does not exist.</summary>
    public async Task<string?> ReadAsync(string blobName, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(blobName);
        if (!await blob.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToString();
    }
}
