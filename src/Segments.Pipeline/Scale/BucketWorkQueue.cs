using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Segments.Storage.Account;
using Segments.Storage.Queues;

namespace Segments.Pipeline.Scale;

/// <summary>
/// The queue of bucket work items (<see cref="StorageNames.BucketWorkQueue"/>): the run enqueues a pass's items, the
/// bucket worker of every instance takes them (the queue trigger in Azure, <c>BucketWorkListener</c> locally), so
/// Flex Consumption adds instances as it grows. A message whose worker dies reappears after its visibility timeout.
/// </summary>
public sealed class BucketWorkQueue(StorageAccount account)
{
    private readonly QueueClient _queue = account.Queues.GetQueueClient(StorageNames.BucketWorkQueue);

    /// <summary>Enqueues one item.</summary>
    public Task EnqueueAsync(BucketWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _queue.SendMessageAsync(item.Serialize(), cancellationToken);
    }

    /// <summary>Up to <paramref name="count"/> messages, hidden from other consumers for <paramref name="visibility"/>.</summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int count, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var response = await _queue.ReceiveMessagesAsync(count, visibility, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <summary>Makes a failed message visible again after <paramref name="delay"/>, for its next delivery.</summary>
    public Task RetryAsync(QueueMessage message, TimeSpan delay, CancellationToken cancellationToken) =>
        HideAsync(message, delay, cancellationToken);

    /// <summary>Hides <paramref name="message"/> for <paramref name="visibility"/> from now; returns it with its new pop receipt.</summary>
    public Task<QueueMessage> HideAsync(QueueMessage message, TimeSpan visibility, CancellationToken cancellationToken) =>
        MessageKeptHidden.HideAsync(_queue, message, visibility, cancellationToken);

    /// <summary>Deletes a handled message.</summary>
    public Task CompleteAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }
}
