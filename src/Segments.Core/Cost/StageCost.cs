namespace Segments.Core.Cost;

/// <summary>What one stage cost, in USD, by line item.</summary>
/// <param name="GbSeconds">Wall seconds of the stage × instance memory in GB.</param>
/// <param name="Compute">Flex Consumption execution time: <paramref name="GbSeconds"/> × the per-GB-second rate.</param>
/// <param name="Executions">The execution charge, carried by the stage the execution starts in (0 for the others).</param>
/// <param name="BlobOps">Blob requests × their per-10,000 rate by kind.</param>
/// <param name="TableOps">Table requests × the per-10,000 transaction rate.</param>
/// <param name="Total">The sum of the line items.</param>
public sealed record StageCost(decimal GbSeconds, decimal Compute, decimal Executions, decimal BlobOps, decimal TableOps, decimal Total)
{
    /// <summary>Queue requests × their per-10,000 class rate (0 when the rates have no queue prices).</summary>
    public decimal QueueOps { get; init; }
}
