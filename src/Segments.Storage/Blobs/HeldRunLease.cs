using Azure;
using Azure.Storage.Blobs.Specialized;

namespace Segments.Storage.Blobs;

/// <summary>
/// The run lease while it is ours: renewed in the background until disposed. When it cannot be renewed
/// before it would expire (storage unreachable, or another instance took it after it expired),
/// <see cref="Lost"/> is cancelled, so the run stops instead of writing on without the lock.
/// </summary>
public sealed class HeldRunLease : IAsyncDisposable
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);

    private readonly BlobLeaseClient _lease;
    private readonly TimeSpan _duration;
    private readonly TimeSpan _renewEvery;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _renewal;

    internal HeldRunLease(BlobLeaseClient lease, TimeSpan duration, TimeSpan renewEvery)
    {
        _lease = lease;
        _duration = duration;
        _renewEvery = renewEvery;
        _renewal = RenewAsync(_stop.Token);
    }

    /// <summary>Cancelled once the lease is no longer certainly ours.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewal.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        try
        {
            if (!_lost.IsCancellationRequested)
            {
                await _lease.ReleaseAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
        {
            // Storage is unreachable or the lease is gone already: it expires on its own within its duration.
        }

        _lost.Dispose();
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        var renewed = DateTimeOffset.UtcNow;
        var wait = _renewEvery;
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            try
            {
                await _lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                renewed = DateTimeOffset.UtcNow;
                wait = _renewEvery;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another instance holds it now: ours expired.
                await _lost.CancelAsync().ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when ((ex is RequestFailedException or HttpRequestException or AggregateException or TaskCanceledException) && !cancellationToken.IsCancellationRequested)
            {
                // Unreachable for now: keep trying while the lease may still be ours.
                if (DateTimeOffset.UtcNow - renewed >= _duration - RetryEvery)
                {
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }

                wait = RetryEvery;
            }
        }
    }
}
