namespace Segments.Pipeline.Api.Destinations;

/// <summary><c>GET /api/destinations/{name}</c>: one destination and its dead letters.</summary>
/// <param name="Destination">Settings and counts.</param>
/// <param name="DeadLetters">Deliveries that failed every attempt, oldest first, with their errors.</param>
public sealed record DestinationDetail(DestinationView Destination, IReadOnlyList<DeadLetterView> DeadLetters);
