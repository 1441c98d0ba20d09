using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Polly;
using Segments.Core.Destinations;
using Segments.Storage.Deliveries;
using StandardWebhooks;

namespace Segments.Pipeline.Delivery;

/// <summary>
/// Posts a delivery's CloudEvents batch to a webhook, signed per Standard Webhooks (<c>webhook-id</c>,
/// <c>webhook-timestamp</c>, <c>webhook-signature: v1,&lt;base64 HMAC-SHA256&gt;</c>, by the StandardWebhooks package).
/// Every attempt is signed afresh (receivers reject stale timestamps) with the same <c>webhook-id</c>. Redirects are not
/// followed: a signed payload goes only where the configuration says.
/// </summary>
public sealed class WebhookClient : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        // Each attempt has its own timeout in the resilience pipeline.
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly ResiliencePipeline<HttpResponseMessage> _attempts;
    private readonly TimeProvider _time;

    /// <summary>Creates the client with the retry policy of <paramref name="options"/>.</summary>
    public WebhookClient(DeliveryOptions options, TimeProvider time)
    {
        _attempts = DeliveryAttempts.ForHttp(options);
        _time = time;
    }

    /// <summary>Sends <paramref name="payload"/> to <paramref name="destination"/> as delivery <paramref name="key"/>.</summary>
    public async Task<DeliveryResult> SendAsync(DestinationDefinition destination, DeliveryKey key, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(key);
        var webhook = new StandardWebhook(destination.Secret!);
        var body = Encoding.UTF8.GetString(payload.Span);
        var attempts = 0;
        try
        {
            using var response = await _attempts.ExecuteAsync(
                async ct =>
                {
                    attempts++;
                    var timestamp = _time.GetUtcNow();
                    using var request = new HttpRequestMessage(HttpMethod.Post, destination.Url) { Content = new ReadOnlyMemoryContent(payload) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue(DeliveryEvents.BatchContentType);
                    request.Headers.Add("webhook-id", key.WebhookId);
                    request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
                    request.Headers.Add("webhook-signature", webhook.Sign(key.WebhookId, timestamp, body));
                    return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? new DeliveryResult(true, false, attempts, null)
                : new DeliveryResult(false, response.StatusCode == HttpStatusCode.Gone, attempts, Describe(response));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException or OperationCanceledException)
        {
            return new DeliveryResult(false, false, attempts, ex is Polly.Timeout.TimeoutRejectedException ? "timed out" : $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static string Describe(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        return status is >= 300 and < 400
            ? $"HTTP {status} {response.ReasonPhrase}: redirects are not followed (to {response.Headers.Location?.GetLeftPart(UriPartial.Path) ?? "nowhere"}); set the final URL"
            : $"HTTP {status} {response.ReasonPhrase}";
    }
}
