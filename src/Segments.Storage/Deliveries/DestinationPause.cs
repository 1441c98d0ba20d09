namespace Segments.Storage.Deliveries;

/// <summary>
/// A destination the sender stopped sending to, because its receiver answered 410 Gone; its deliveries stay pending
/// until <c>POST /api/destinations/{name}/replay</c> resumes it.
/// </summary>
/// <param name="Destination">The destination's name.</param>
/// <param name="Reason">What the receiver answered.</param>
/// <param name="PausedAt">When.</param>
public sealed record DestinationPause(string Destination, string Reason, DateTimeOffset PausedAt);
