using Azure.Storage.Blobs;
using Segments.Storage.Account;

namespace Segments.Storage.Deliveries;

/// <summary>
/// The <c>outbox</c> container: each delivery's CloudEvents JSON batch, written once by the run, so every attempt
/// sends the same bytes (a queue message could not hold a batch: 64 KB at most).
/// </summary>
public sealed class OutboxPayloadStore(StorageAccount account)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(StorageNames.OutboxContainer);

    /// <summary>The blob name of a delivery's payload.</summary>
    public static string BlobNameOf(DeliveryKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return $"{key.Destination}/{key.RunId}/{key.Batch:D5}.json";
    }

    /// <summary>Writes a payload (overwriting what an interrupted earlier attempt of the run left).</summary>
    public Task WriteAsync(string blobName, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        _container.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(payload), overwrite: true, cancellationToken);

    /// <summary>A payload's bytes.</summary>
    public async Task<ReadOnlyMemory<byte>> ReadAsync(string blobName, CancellationToken cancellationToken)
    {
        var content = await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return content.Value.Content.ToMemory();
    }
}
