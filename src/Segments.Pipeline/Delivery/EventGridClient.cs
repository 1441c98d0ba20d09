using Azure.Core;
using Azure.Messaging.EventGrid;
using Polly;
using Segments.Core.Destinations;

namespace Segments.Pipeline.Delivery;

/// <summary>
/// Publishes a delivery's CloudEvents batch to an Event Grid custom topic through Azure.Messaging.EventGrid, with the
/// app's identity (EventGrid Data Sender on the topic, granted by infra/): the encoded batch is sent as it is, so Event
/// Grid subscribers get the same events as webhooks.
/// </summary>
public sealed class EventGridClient(DeliveryOptions options, Func<TokenCredential> credential)
{
    private readonly ResiliencePipeline _attempts = DeliveryAttempts.ForEventGrid(options);
    private readonly Lazy<TokenCredential> _credential = new(credential);

    /// <summary>Sends <paramref name="payload"/> to the topic of <paramref name="destination"/>.</summary>
    public async Task<DeliveryResult> SendAsync(DestinationDefinition destination, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var clientOptions = new EventGridPublisherClientOptions();
        clientOptions.Retry.MaxRetries = 0;
        var client = new EventGridPublisherClient(destination.Url!, _credential.Value, clientOptions);
        var attempts = 0;
        try
        {
            await _attempts.ExecuteAsync(
                async ct =>
                {
                    attempts++;
                    await client.SendEncodedCloudEventsAsync(payload, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            return new DeliveryResult(true, false, attempts, null);
        }
        catch (Azure.RequestFailedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(false, ex.Status == 410, attempts, $"Event Grid answered {ex.Status}: {ex.ErrorCode}");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Azure.Identity.AuthenticationFailedException)
        {
            return new DeliveryResult(false, false, attempts, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
