using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Segments.Storage.Account;

namespace Segments.Storage.Blobs;

/// <summary>
/// A blob lease that lets only one recompute run at a time across every host instance, as the Functions
/// timer trigger's singleton lock does (<c>azure-webjobs-hosts/locks/...</c>). While a run holds it, the
/// lease is renewed; a host that dies stops renewing, so the lease is free again within <see cref="Duration"/>
/// and a run still marked running without it is known to be stranded.
/// </summary>
public sealed class RunLease(StorageAccount account, string hostId)
{
    /// <summary>
    /// How long a lease lasts without renewal (storage allows 15–60 s): the longest a dead runner keeps the
    /// lock. Renewed every <see cref="RenewEvery"/>, a third of it, so one missed renewal is survived.
    /// </summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    /// <summary>How often a held lease is renewed.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);

    /// <summary>Waits until the lease is ours; dispose the result to release it.</summary>
    public async Task<HeldRunLease> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await TryAcquireAsync(cancellationToken).ConfigureAwait(false) is { } held)
            {
                return held;
            }

            await Task.Delay(RetryEvery, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes the lease if it is free now; null when another runner holds it.</summary>
    public Task<HeldRunLease?> TryAcquireAsync(CancellationToken cancellationToken) =>
        TryAcquireOnAsync(account.Blobs.GetBlobContainerClient(StorageNames.HostsContainer).GetBlobClient($"locks/{hostId}/Segments.RecomputeSegments.listener"), cancellationToken);

    /// <summary>Takes a renewed lease on the lock blob <paramref name="blob"/> (created empty if missing); null when another instance holds it.</summary>
    internal static async Task<HeldRunLease?> TryAcquireOnAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The lock blob exists already (and may be leased): that is the normal case.
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(Duration, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new HeldRunLease(lease, Duration, RenewEvery);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }
}
