namespace Segments.Pipeline.Delivery;

/// <summary>
/// The sender's retry policy, per delivery and per invocation of the sender: exponential backoff with jitter between
/// attempts, each attempt bounded by its own timeout, so a slow receiver costs at most
/// <see cref="MaxAttempts"/> × <see cref="AttemptTimeoutSeconds"/> plus the waits and never holds up the run or another destination.
/// </summary>
public sealed record DeliveryOptions
{
    /// <summary>HTTP requests per delivery before it is dead-lettered.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>The wait before the first retry in milliseconds; it doubles each retry, with jitter.</summary>
    public int FirstRetryDelayMs { get; init; } = 2000;

    /// <summary>How long one request may take before it counts as failed (a receiver that hangs).</summary>
    public int AttemptTimeoutSeconds { get; init; } = 10;

    /// <summary>Deliveries the local host sends at once (the Functions queue trigger's batchSize in Azure).</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>
    /// How long a taken outbox message stays hidden: longer than every attempt and wait of one delivery, so it reappears
    /// (and the delivery is resent with the same id) only when the instance that took it died.
    /// </summary>
    public TimeSpan MessageVisibility
    {
        get
        {
            var waits = Enumerable.Range(0, Math.Max(0, MaxAttempts - 1)).Sum(i => Math.Min(60_000, FirstRetryDelayMs * Math.Pow(2, i)) * 1.5);
            return TimeSpan.FromMilliseconds(waits) + TimeSpan.FromSeconds(MaxAttempts * AttemptTimeoutSeconds) + TimeSpan.FromSeconds(10);
        }
    }
}
