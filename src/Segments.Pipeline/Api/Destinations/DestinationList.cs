namespace Segments.Pipeline.Api.Destinations;

/// <summary><c>GET /api/destinations</c>: every configured destination with its deliveries, and the configuration's errors.</summary>
/// <param name="Destinations">Valid destinations, in file order.</param>
/// <param name="Errors">Destinations not applied.</param>
public sealed record DestinationList(IReadOnlyList<DestinationView> Destinations, IReadOnlyList<DestinationErrorView> Errors);
