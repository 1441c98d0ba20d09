using Azure;
using Azure.Storage.Blobs;
using Segments.Storage.Account;

namespace Segments.Storage.Blobs;

/// <summary>
/// Receipts for processed blob versions, laid out as the Functions blob trigger lays out its own
/// (<c>azure-webjobs-hosts/blobreceipts/{hostId}/{function}/"{etag}"/{container}/{blob}</c>), so that a
/// version is processed once however often the container is scanned.
/// </summary>
public sealed class BlobReceipts(StorageAccount account, string hostId, string functionName, string containerName = StorageNames.TransactionsContainer)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(StorageNames.HostsContainer);

    /// <summary>True when this version was processed.</summary>
    public async Task<bool> HasAsync(DroppedBlob blob, CancellationToken cancellationToken) =>
        (await ReceiptFor(blob).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Records that this version was processed.</summary>
    public async Task WriteAsync(DroppedBlob blob, CancellationToken cancellationToken)
    {
        try
        {
            await ReceiptFor(blob).UploadAsync(BinaryData.Empty, overwrite: true, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another scanner wrote it first: the receipt exists, which is all that matters.
        }
    }

    /// <summary>
    /// Takes the processing lock of this version, as the Functions blob trigger leases a blob's receipt while it
    /// processes it: two instances scanning one container never ingest the same version at once. Null when another
    /// instance holds it; dispose the lock when done. A dead holder's lock frees itself within <see cref="RunLease.Duration"/>.
    /// </summary>
    public Task<HeldRunLease?> TryLockAsync(DroppedBlob blob, CancellationToken cancellationToken) =>
        RunLease.TryAcquireOnAsync(
            _container.GetBlobClient($"locks/{hostId}/{functionName}/{blob.ETag}/{containerName}/{blob.Name}"),
            cancellationToken);

    private BlobClient ReceiptFor(DroppedBlob blob) =>
        _container.GetBlobClient($"blobreceipts/{hostId}/{functionName}/{blob.ETag}/{containerName}/{blob.Name}");
}
