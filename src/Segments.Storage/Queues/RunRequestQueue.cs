using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Segments.Storage.Account;

namespace Segments.Storage.Queues;

/// <summary>
/// Run requests: the timer and <c>POST /api/runs</c> enqueue a run id, one consumer executes them. A queue
/// (not memory) keeps a request alive across a host restart.
/// </summary>
public sealed class RunRequestQueue(StorageAccount account)
{
    private readonly QueueClient _queue = account.Queues.GetQueueClient(StorageNames.RunRequestsQueue);

    /// <summary>Enqueues a run id.</summary>
    public Task EnqueueAsync(string runId, CancellationToken cancellationToken) =>
        _queue.SendMessageAsync(runId, cancellationToken);

    /// <summary>
    /// The next request, hidden from other consumers for <paramref name="visibility"/>, or null when the
    /// queue is empty. Delete it with <see cref="CompleteAsync"/> once handled.
    /// </summary>
    public async Task<QueueMessage?> ReceiveAsync(TimeSpan visibility, CancellationToken cancellationToken)
    {
        var response = await _queue.ReceiveMessageAsync(visibility, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <summary>Hides <paramref name="message"/> for <paramref name="visibility"/> from now; returns it with its new pop receipt.</summary>
    public Task<QueueMessage> HideAsync(QueueMessage message, TimeSpan visibility, CancellationToken cancellationToken) =>
        MessageKeptHidden.HideAsync(_queue, message, visibility, cancellationToken);

    /// <summary>Deletes a handled request.</summary>
    public Task CompleteAsync(QueueMessage message, CancellationToken cancellationToken) =>
        _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
}
