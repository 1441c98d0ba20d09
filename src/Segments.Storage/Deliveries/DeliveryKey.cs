namespace Segments.Storage.Deliveries;

/// <summary>
/// One delivery: a destination's batch of one run. It is also the outbox queue's message and the source of the
/// Standard Webhooks <c>webhook-id</c>, so every resend of it carries the same id.
/// </summary>
/// <param name="Destination">The destination's name.</param>
/// <param name="RunId">The run whose moves it carries.</param>
/// <param name="Batch">0-based batch number within the destination's deliveries of the run.</param>
public sealed record DeliveryKey(string Destination, string RunId, int Batch)
{
    /// <summary>
    /// The <c>webhook-id</c> (and CloudEvents batch id): stable per (destination, run, batch), so a receiver drops a
    /// redelivery by it.
    /// </summary>
    public string WebhookId => $"msg_{Destination}_{RunId}_{Batch:D5}";
}
