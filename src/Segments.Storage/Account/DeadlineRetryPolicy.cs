using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Segments.Storage.Account;

/// <summary>
/// The storage clients' retry policy: few, quick exponential retries (the local emulator answers at once or
/// not at all), and, inside a <see cref="StorageCallBudget"/>, no operation past its budget: each attempt's
/// network timeout is cut to what is left of it, and no retry starts once too little is left (a retry delay,
/// 200 ms doubling up to 2 s, may still overrun it by that much). Without a budget it is the SDK's exponential policy with the clients' network timeout.
/// </summary>
public sealed class DeadlineRetryPolicy(int maxRetries, TimeSpan delay, TimeSpan maxDelay)
    : RetryPolicy(maxRetries, DelayStrategy.CreateExponentialDelayStrategy(delay, maxDelay))
{
    // An attempt given less than this cannot get an answer even from a healthy account on loopback.
    private static readonly TimeSpan MinimumAttempt = TimeSpan.FromMilliseconds(50);

    private const string StartedProperty = "Segments.StorageCallBudget.Started";

    /// <inheritdoc />
    protected override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Left(message) is { } left)
        {
            var timeout = left < MinimumAttempt ? MinimumAttempt : left;
            message.NetworkTimeout = message.NetworkTimeout is { } own && own < timeout ? own : timeout;
        }
    }

    /// <inheritdoc />
    protected override ValueTask OnSendingRequestAsync(HttpMessage message)
    {
        OnSendingRequest(message);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        WithinBudget(message) && base.ShouldRetry(message, exception);

    /// <inheritdoc />
    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        WithinBudget(message) && await base.ShouldRetryAsync(message, exception).ConfigureAwait(false);

    // What is left of the operation's budget; the first attempt starts the clock.
    private static TimeSpan? Left(HttpMessage message)
    {
        if (StorageCallBudget.Current is not { } budget)
        {
            return null;
        }

        if (!message.TryGetProperty(StartedProperty, out var started) || started is not long startedAt)
        {
            startedAt = Stopwatch.GetTimestamp();
            message.SetProperty(StartedProperty, startedAt);
        }

        var left = budget.PerOperation - Stopwatch.GetElapsedTime(startedAt);
        return left < TimeSpan.Zero ? TimeSpan.Zero : left;
    }

    private static bool WithinBudget(HttpMessage message) => Left(message) is not { } left || left > MinimumAttempt * 2;
}
