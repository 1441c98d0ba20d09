using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Delivery;
using Segments.Storage.Account;
using Segments.Storage.Deliveries;

namespace Segments.Host.Triggers;

/// <summary>
/// The local host's queue trigger on the outbox (<c>SendDelivery</c> in the Functions app): up to
/// <see cref="DeliveryOptions.Concurrency"/> deliveries at once, each on its own, so a slow destination holds only its
/// own slots. A message is deleted once handled; one whose instance dies reappears after its visibility timeout and is
/// sent again with the same <c>webhook-id</c>.
/// </summary>
internal sealed partial class DeliveryListener(
    OutboxQueue queue,
    DeliverySender sender,
    IOptions<SegmentsOptions> options,
    ILogger<DeliveryListener> logger) : BackgroundService
{
    // As Functions' maxDequeueCount: a message that keeps failing (storage, not the destination) is dropped after this.
    private const int MaxDeliveries = 5;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delivery = options.Value.Delivery;
        using var slots = new SemaphoreSlim(Math.Max(1, delivery.Concurrency));
        var running = new List<Task>();
        LogListening(StorageNames.DeliveriesQueue);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                running.RemoveAll(t => t.IsCompleted);
                var free = slots.CurrentCount;
                if (free == 0)
                {
                    await Task.WhenAny(running).WaitAsync(stoppingToken).ConfigureAwait(false);
                    continue;
                }

                var messages = await queue.ReceiveAsync(Math.Min(free, 32), delivery.MessageVisibility, stoppingToken).ConfigureAwait(false);
                if (messages.Count == 0)
                {
                    await Task.Delay(IdlePoll, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                foreach (var message in messages)
                {
                    await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                    running.Add(HandleAsync(message, slots, stoppingToken));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
                await Task.Delay(IdlePoll, stoppingToken).ConfigureAwait(false);
            }
        }

        // Stopping: deliveries in flight are cancelled; their messages reappear and are sent again by the next instance.
        await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
    }

    private async Task HandleAsync(Azure.Storage.Queues.Models.QueueMessage message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            if (message.DequeueCount > MaxDeliveries)
            {
                LogGaveUp(message.Body.ToString(), MaxDeliveries);
            }
            else
            {
                await sender.HandleAsync(message.Body.ToString(), stoppingToken).ConfigureAwait(false);
            }

            await queue.CompleteAsync(message, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
        }
        finally
        {
            slots.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery listener: watching queue '{Queue}'")]
    private partial void LogListening(string queue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Message} dropped after {Deliveries} failed handlings")]
    private partial void LogGaveUp(string message, int deliveries);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery listener: handling a delivery failed; it will be redelivered")]
    private partial void LogFailed(Exception error);
}
