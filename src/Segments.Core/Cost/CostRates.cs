namespace Segments.Core.Cost;

/// <summary>
/// The prices a cost is computed with: the subset of <c>config/rates.json</c> that a run or a batch can use,
/// with the region, date and sources they hold for.
/// </summary>
public sealed record CostRates
{
    /// <summary>Azure region the storage prices are for.</summary>
    public required string Region { get; init; }

    /// <summary>ISO currency code; always USD (costs are reported as <c>costUsd</c>).</summary>
    public required string Currency { get; init; }

    /// <summary>The date the file as a whole is current as of.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Where the prices come from.</summary>
    public required IReadOnlyList<RateSource> Sources { get; init; }

    /// <summary>Flex Consumption on-demand execution time, per GB-second of instance memory.</summary>
    public required decimal ExecutionTimePerGbSecond { get; init; }

    /// <summary>Flex Consumption on-demand executions, per million.</summary>
    public required decimal ExecutionsPerMillion { get; init; }

    /// <summary>Blob Storage operations.</summary>
    public required BlobOperationRates Blob { get; init; }

    /// <summary>Table Storage transactions (every request, a batch included, is one), per 10,000.</summary>
    public required decimal TableOperationsPer10k { get; init; }

    /// <summary>
    /// Queue Storage operations, or null for a rates file without a <c>queueStorage</c> section (queue requests are
    /// then counted as not priced).
    /// </summary>
    public QueueOperationRates? Queue { get; init; }

    /// <summary>Where these rates were read from, e.g. the <c>config</c> blob or the copy bundled with the app.</summary>
    public string Origin { get; init; } = string.Empty;
}
