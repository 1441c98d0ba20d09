namespace Segments.Pipeline.Delivery;

/// <summary>What a run wrote to the outbox, per destination, and why a destination got nothing.</summary>
/// <param name="Destinations">Per destination: deliveries (batches) and events written.</param>
/// <param name="Problems">Destinations not applied (invalid configuration) or following segments the runs do not have.</param>
public sealed record OutboxSummary(IReadOnlyList<OutboxDestinationSummary> Destinations, IReadOnlyList<string> Problems)
{
    /// <summary>Nothing configured.</summary>
    public static OutboxSummary None { get; } = new([], []);
}

/// <summary>One destination's share of a run's outbox.</summary>
public sealed record OutboxDestinationSummary(string Destination, int Deliveries, int Events, int HeldBackControl, int HeldBackConsent);
