using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Segments.Storage.Account;

namespace Segments.Storage.Deliveries;

/// <summary>
/// The outbox queue: a message per delivery, written by the run after its rows and payloads, taken by the sender
/// (the queue trigger in Azure, <c>DeliveryListener</c> locally). A message whose handler dies reappears after its
/// visibility timeout, so a delivery interrupted mid-send is sent again, with the same <c>webhook-id</c>.
/// </summary>
public sealed class OutboxQueue(StorageAccount account)
{
    private readonly QueueClient _queue = account.Queues.GetQueueClient(StorageNames.DeliveriesQueue);

    /// <summary>The message of a delivery (JSON; the client Base64-encodes it as the queue trigger expects).</summary>
    public static string Serialize(DeliveryKey key) => JsonSerializer.Serialize(key, StorageJsonContext.Default.DeliveryKey);

    /// <summary>The delivery a message names, or null for a message that is not one.</summary>
    public static DeliveryKey? Deserialize(string message)
    {
        try
        {
            return JsonSerializer.Deserialize(message, StorageJsonContext.Default.DeliveryKey) is { Destination.Length: > 0, RunId.Length: > 0 } key ? key : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Enqueues a delivery.</summary>
    public Task EnqueueAsync(DeliveryKey key, CancellationToken cancellationToken) =>
        _queue.SendMessageAsync(Serialize(key), cancellationToken);

    /// <summary>Enqueues a delivery that becomes visible after <paramref name="delay"/> (a run not yet marked done).</summary>
    public Task EnqueueAsync(DeliveryKey key, TimeSpan delay, CancellationToken cancellationToken) =>
        _queue.SendMessageAsync(Serialize(key), delay, cancellationToken: cancellationToken);

    /// <summary>Up to <paramref name="count"/> messages, hidden from other consumers for <paramref name="visibility"/>.</summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int count, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var response = await _queue.ReceiveMessagesAsync(count, visibility, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <summary>Deletes a handled message.</summary>
    public Task CompleteAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }

    /// <summary>Messages waiting (approximate, as the service counts them).</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var properties = await _queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        return properties.Value.ApproximateMessagesCount;
    }
}
