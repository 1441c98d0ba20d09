namespace Segments.Pipeline.Api.Destinations;

/// <summary>One run's deliveries to a destination, by status.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Deliveries">Batches written by the run.</param>
/// <param name="Events">Events in them.</param>
/// <param name="Sent">Batches the destination accepted.</param>
/// <param name="Pending">Batches not yet accepted (waiting, retrying, or held by a pause).</param>
/// <param name="Failed">Of the pending, those whose last attempt failed.</param>
/// <param name="DeadLettered">Batches that failed every attempt.</param>
/// <param name="Cancelled">Batches of a run that failed after writing them (never sent).</param>
public sealed record DestinationRunView(string RunId, int Deliveries, int Events, int Sent, int Pending, int Failed, int DeadLettered, int Cancelled)
{
    /// <summary>What sending this run's deliveries to the destination has cost so far (USD; the sum of their ledger rows).</summary>
    public decimal CostUsd { get; init; }

    /// <summary>Sender executions that <see cref="CostUsd"/> adds up.</summary>
    public int SenderExecutions { get; init; }
}
