using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Segments.Storage.Account;

namespace Segments.Storage.Blobs;

/// <summary>
/// A blob lease that lets only one recompute run at a time across every host instance, as the Functions
/// timer trigger's singleton lock does (<c>azure-webjobs-hosts/locks/...</c>).
/// </summary>
public sealed class RunLease(StorageAccount account, string hostId)
{
    // Leases last 15–60 s; renewing at a third of the duration survives a missed renewal.
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);

    /// <summary>Waits until the lease is ours; dispose the result to release it.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var blob = account.Blobs.GetBlobContainerClient(StorageNames.HostsContainer).GetBlobClient($"locks/{hostId}/Segments.RecomputeSegments.listener");
        try
        {
            await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The lock blob exists already (and may be leased): that is the normal case.
        }

        var lease = blob.GetBlobLeaseClient();
        while (true)
        {
            try
            {
                await lease.AcquireAsync(Duration, cancellationToken: cancellationToken).ConfigureAwait(false);
                return new HeldLease(lease);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                await Task.Delay(RetryEvery, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private sealed class HeldLease : IAsyncDisposable
    {
        private readonly BlobLeaseClient _lease;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewal;

        public HeldLease(BlobLeaseClient lease)
        {
            _lease = lease;
            _renewal = RenewAsync(_stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _renewal.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _stop.Dispose();
            await _lease.ReleaseAsync().ConfigureAwait(false);
        }

        private async Task RenewAsync(CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(RenewEvery, cancellationToken).ConfigureAwait(false);
                await _lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
