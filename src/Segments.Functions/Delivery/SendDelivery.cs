using Microsoft.Azure.Functions.Worker;
using Segments.Functions.Configuration;
using Segments.Pipeline.Delivery;
using Segments.Storage.Account;

namespace Segments.Functions.Delivery;

/// <summary>
/// The queue trigger on <c>destination-deliveries</c> (the outbox): sends one delivery. Flex Consumption scales it out
/// and runs up to the queue extension's batch size at once per instance, so a slow destination holds only its own
/// invocations; a worker that dies leaves the message to reappear, and the delivery is sent again with the same id.
/// </summary>
public sealed class SendDelivery(DeliverySender sender)
{
    /// <summary>Handles the message; a failure that escapes (storage) is retried by the runtime.</summary>
    [Function(nameof(SendDelivery))]
    public Task RunAsync(
        [QueueTrigger(StorageNames.DeliveriesQueue, Connection = StorageConnection.Setting)] string message,
        CancellationToken cancellationToken) =>
        sender.HandleAsync(message, cancellationToken);
}
