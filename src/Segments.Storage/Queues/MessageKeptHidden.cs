using Azure;
using Azure.Storage.Queues.Models;

namespace Segments.Storage.Queues;

/// <summary>
/// Keeps a received queue message hidden from other consumers while its handler runs, by extending its visibility
/// every half <c>visibility</c>, as the Functions queue trigger does for a function that is still running. Without it a
/// handler that outlasts the visibility (a million customers' run, about 25 minutes) sees its message delivered again
/// meanwhile, and its own delete then fails on the stale pop receipt. Dispose it before deleting the message, then
/// delete <see cref="Current"/>: each extension gives the message a new pop receipt.
/// A failed extension is given to <c>failed</c> and tried again at the next turn (unless the queue says the message is
/// gone or its receipt stale: then no turn can hide it); the message may then be delivered again, which the handlers
/// allow (a run request waits for the run lease; a bucket work item is idempotent).
/// </summary>
public sealed class MessageKeptHidden : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;
    private QueueMessage _current;

    /// <summary>Starts keeping <paramref name="message"/> hidden for <paramref name="visibility"/> at a time.</summary>
    /// <param name="message">The message as received.</param>
    /// <param name="visibility">How long each extension hides it; extended again after half of it.</param>
    /// <param name="extend">Hides the message for the given time from now; returns it with its new pop receipt.</param>
    /// <param name="failed">Hears an extension that failed.</param>
    /// <param name="time">The clock the turns wait on.</param>
    public MessageKeptHidden(
        QueueMessage message,
        TimeSpan visibility,
        Func<QueueMessage, TimeSpan, CancellationToken, Task<QueueMessage>> extend,
        Action<Exception> failed,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(extend);
        ArgumentNullException.ThrowIfNull(failed);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(visibility, TimeSpan.Zero);
        _current = message;
        _renewals = RenewAsync(visibility, extend, failed, time, _stop.Token);
    }

    /// <summary>
    /// Hides <paramref name="message"/> of <paramref name="queue"/> for <paramref name="visibility"/> from now; returns it
    /// with its new pop receipt (the queues' <c>HideAsync</c>, an extension of this class).
    /// </summary>
    public static async Task<QueueMessage> HideAsync(Azure.Storage.Queues.QueueClient queue, QueueMessage message, TimeSpan visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(message);
        var receipt = await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: visibility, cancellationToken: cancellationToken).ConfigureAwait(false);
        return message.Update(receipt.Value);
    }

    /// <summary>The message with its latest pop receipt: the one to delete once the handler is done.</summary>
    public QueueMessage Current => Volatile.Read(ref _current);

    /// <summary>Stops the extensions and waits for one in flight, so that <see cref="Current"/> no longer changes.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewals.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RenewAsync(TimeSpan visibility, Func<QueueMessage, TimeSpan, CancellationToken, Task<QueueMessage>> extend, Action<Exception> failed, TimeProvider time, CancellationToken stop)
    {
        var turn = visibility / 2;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(turn, time, stop).ConfigureAwait(false);
                Volatile.Write(ref _current, await extend(Current, visibility, stop).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 400 or 404)
            {
                // The message is gone or another consumer holds it now (its receipt is stale): no later turn can hide it.
                failed(ex);
                return;
            }
            catch (Exception ex)
            {
                failed(ex);
            }
        }
    }
}
