using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Segments.Pipeline.Delivery;

/// <summary>
/// The retry policy of a delivery: Polly's retry with exponential backoff and jitter around a per-attempt timeout.
/// What is retried is Microsoft.Extensions.Http.Resilience's transient set (connection errors, timeouts, 5xx, 408,
/// 429, honouring Retry-After); a redirect or another 4xx answers the same every time, so it fails at once, and 410
/// Gone is the sender's to handle (it pauses the destination).
/// </summary>
public static class DeliveryAttempts
{
    /// <summary>The pipeline for webhooks (HTTP responses).</summary>
    public static ResiliencePipeline<HttpResponseMessage> ForHttp(DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.FirstRetryDelayMs),
                MaxDelay = TimeSpan.FromMinutes(1),
            });
        }

        return builder.AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds)).Build();
    }

    /// <summary>The pipeline for Event Grid (the SDK's own retries are off, so these are the only ones).</summary>
    public static ResiliencePipeline ForEventGrid(DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder();
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new Polly.Retry.RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.FirstRetryDelayMs),
                MaxDelay = TimeSpan.FromMinutes(1),
                ShouldHandle = new PredicateBuilder().Handle<TimeoutRejectedException>().Handle<HttpRequestException>()
                    .Handle<Azure.RequestFailedException>(e => e.Status is 0 or 408 or 429 or >= 500),
            });
        }

        return builder.AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds)).Build();
    }
}
