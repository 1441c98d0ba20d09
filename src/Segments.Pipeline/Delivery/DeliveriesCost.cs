namespace Segments.Pipeline.Delivery;

/// <summary>What a set of deliveries (a run's, or a destination's for one run) has cost so far.</summary>
/// <param name="Total">USD, the sum of the deliveries' ledger rows (<c>costUsd</c>), priced with the rates file.</param>
/// <param name="Deliveries">Deliveries (batches) in the set.</param>
/// <param name="Sent">Of which the destination accepted.</param>
/// <param name="SenderExecutions">Sender executions (queue messages handled) that the total adds up.</param>
public sealed record DeliveriesCost(decimal Total, int Deliveries, int Sent, int SenderExecutions);
