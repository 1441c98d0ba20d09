using Microsoft.Extensions.Logging;
using Segments.Core.Cost;
using Segments.Core.Destinations;
using Segments.Pipeline.Cost;
using Segments.Storage.Metering;
using Segments.Storage.Deliveries;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Delivery;

/// <summary>
/// The queue-triggered sender (<c>SendDelivery</c> in Azure, <c>DeliveryListener</c> locally): sends one delivery of
/// the outbox and records how it went. Sent once per <c>webhook-id</c> as far as it can tell: a delivery already sent
/// is not sent again; one interrupted mid-send (host killed) is resent, with the same id, when its message reappears.
/// After the last attempt it is dead-lettered with its error; a 410 Gone pauses the destination. Every execution for a
/// delivery is metered and priced (<see cref="DeliveryCosts"/>) and its cost added to the delivery's row.
/// </summary>
public sealed partial class DeliverySender(
    DeliveryLedger ledger,
    OutboxPayloadStore payloads,
    OutboxQueue queue,
    RunLedger runs,
    DestinationConfig config,
    WebhookClient webhooks,
    EventGridClient eventGrid,
    CostAccounting costs,
    TimeProvider time,
    ILogger<DeliverySender> logger)
{
    // A delivery whose run has written its outbox but is not yet marked done is looked at again this much later.
    private static readonly TimeSpan RunNotDoneDelay = TimeSpan.FromSeconds(3);

    /// <summary>Handles one outbox message; the message is done with when this returns (a redelivery is harmless).</summary>
    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (OutboxQueue.Deserialize(message) is not { } key)
        {
            LogNotADelivery();
            return;
        }

        var meter = UsageMeter.Start(DeliveryCosts.Stage, time);
        CostRates rates;
        bool known;
        using (meter)
        {
            rates = await costs.LoadRatesAsync(cancellationToken).ConfigureAwait(false);
            known = await SendAsync(key, cancellationToken).ConfigureAwait(false);
            foreach (var (kind, count) in Enum.GetValues<RequestKind>().Select(k => (k, DeliveryCosts.TriggerRequests.Queue[k])))
            {
                for (var i = 0; i < count; i++)
                {
                    meter.Record(StorageService.Queue, kind, 0, kind == RequestKind.Read ? message.Length : 0);
                }
            }
        }

        if (!known)
        {
            return;
        }

        // Outside the measurement, like the ingestion's cost write: these two Table requests (read and merge the
        // row's cost, again if another execution wrote it in between) are the only ones of the execution that its cost leaves out.
        var cost = costs.Price(meter.Stop(), rates);
        await ledger.UpdateCostAsync(key, row => DeliveryCosts.Add(row, cost), cancellationToken).ConfigureAwait(false);
    }

    // Returns whether the message names a delivery in the ledger (whose row the execution's cost is added to).
    private async Task<bool> SendAsync(DeliveryKey key, CancellationToken cancellationToken)
    {
        var delivery = await ledger.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (delivery is null)
        {
            return false;
        }

        if (delivery.Status != DeliveryStatus.Pending)
        {
            return true;
        }

        var run = await runs.GetAsync(key.RunId, cancellationToken).ConfigureAwait(false);
        if (run is null || run.Status == RunStatus.Failed)
        {
            // The run wrote its outbox and failed before its flip: these moves never happened.
            await ledger.SaveAsync(delivery with { Status = DeliveryStatus.Cancelled, LastError = $"run {key.RunId} failed; its moves were never live" }, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (run.Status != RunStatus.Succeeded)
        {
            await queue.EnqueueAsync(key, RunNotDoneDelay, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var destination = (await config.LoadAsync(cancellationToken).ConfigureAwait(false)).Find(key.Destination);
        if (destination is null)
        {
            await DeadLetterAsync(delivery, 0, $"destination '{key.Destination}' is no longer in config/destinations.json (or is invalid there)", cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (await ledger.GetPauseAsync(destination.Name, cancellationToken).ConfigureAwait(false) is { } pause)
        {
            // Held, not failed: POST /api/destinations/{name}/replay resumes the destination and sends it.
            await ledger.SaveAsync(delivery with { LastError = $"destination paused: {pause.Reason}" }, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var payload = await payloads.ReadAsync(delivery.PayloadBlob, cancellationToken).ConfigureAwait(false);
        var result = destination.Kind == DestinationKind.EventGrid
            ? await eventGrid.SendAsync(destination, payload, cancellationToken).ConfigureAwait(false)
            : await webhooks.SendAsync(destination, key, payload, cancellationToken).ConfigureAwait(false);
        var tried = delivery with { Attempts = delivery.Attempts + result.Attempts, LastAttemptAt = time.GetUtcNow() };
        if (result.Accepted)
        {
            await ledger.SaveAsync(tried with { Status = DeliveryStatus.Sent, SentAt = time.GetUtcNow(), LastError = null }, cancellationToken).ConfigureAwait(false);
            LogSent(key.WebhookId, delivery.Events, result.Attempts);
        }
        else if (result.Gone)
        {
            var reason = $"{result.Error}: the receiver says the endpoint is gone; replay after fixing the URL";
            await ledger.PauseAsync(new DestinationPause(destination.Name, reason, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            await ledger.SaveAsync(tried with { LastError = $"destination paused: {reason}" }, cancellationToken).ConfigureAwait(false);
            LogPaused(destination.Name, key.WebhookId);
        }
        else
        {
            await DeadLetterAsync(tried, result.Attempts, result.Error ?? "failed", cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task DeadLetterAsync(DeliveryRecord delivery, int attempts, string error, CancellationToken cancellationToken)
    {
        await ledger.SaveAsync(delivery with { Status = DeliveryStatus.DeadLettered, LastError = error }, cancellationToken).ConfigureAwait(false);
        LogDeadLettered(delivery.Key.WebhookId, attempts, error);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: a message that names no delivery was dropped")]
    private partial void LogNotADelivery();

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {WebhookId}: {Events} events sent in {Attempts} attempts")]
    private partial void LogSent(string webhookId, int events, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Destination {Destination} paused: 410 Gone for {WebhookId}")]
    private partial void LogPaused(string destination, string webhookId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {WebhookId} dead-lettered after {Attempts} attempts: {Error}")]
    private partial void LogDeadLettered(string webhookId, int attempts, string error);
}
