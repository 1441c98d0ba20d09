namespace Segments.Core.Cost;

/// <summary>
/// What a run or a batch cost in USD at the rates it was priced with: the total, each line item, and each
/// stage. <see cref="Total"/> is the sum of the stage totals plus <see cref="BillingRounding"/>.
/// </summary>
public sealed record CostBreakdown
{
    /// <summary>Everything, in USD.</summary>
    public required decimal Total { get; init; }

    /// <summary>Execution time as billed (<see cref="BilledMs"/> × instance memory), rounding included.</summary>
    public required decimal Compute { get; init; }

    /// <summary>
    /// The part of <see cref="Compute"/> for time billed but not measured: Flex Consumption bills at least
    /// 1,000 ms per execution and rounds up to the next 100 ms.
    /// </summary>
    public required decimal BillingRounding { get; init; }

    /// <summary>The per-execution charge.</summary>
    public required decimal Executions { get; init; }

    /// <summary>Blob Storage operations.</summary>
    public required decimal BlobOps { get; init; }

    /// <summary>Table Storage transactions.</summary>
    public required decimal TableOps { get; init; }

    /// <summary>Queue Storage operations (0 when the rates have no queue prices).</summary>
    public decimal QueueOps { get; init; }

    /// <summary>Queue requests counted but not priced: the rates file has no queue prices (0 when it has).</summary>
    public required long QueueRequestsNotPriced { get; init; }

    /// <summary>Each stage's share, in stage order.</summary>
    public required IReadOnlyDictionary<string, StageCost> Stages { get; init; }

    /// <summary>Instance memory the execution time is billed for (the app's setting, not the measured peak).</summary>
    public required int InstanceMemoryMb { get; init; }

    /// <summary>Measured wall time of the execution.</summary>
    public required long MeasuredMs { get; init; }

    /// <summary>Execution time as billed: at least 1,000 ms, rounded up to 100 ms.</summary>
    public required long BilledMs { get; init; }

    /// <summary>Billed GB-seconds: <see cref="BilledMs"/> / 1000 × instance memory in GB.</summary>
    public required decimal GbSeconds { get; init; }

    /// <summary>Always USD.</summary>
    public required string Currency { get; init; }

    /// <summary>Region of the rates.</summary>
    public required string RatesRegion { get; init; }

    /// <summary>The date the rates file is current as of.</summary>
    public required DateOnly RatesAsOf { get; init; }

    /// <summary>Where the rates were read from.</summary>
    public required string RatesOrigin { get; init; }

    /// <summary>Ids of the sources the rates file cites.</summary>
    public required IReadOnlyList<string> RatesSources { get; init; }
}
