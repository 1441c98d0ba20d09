namespace Segments.Host.Api;

/// <summary>The body of <c>POST /api/destinations</c> (documentation of the shape).</summary>
/// <param name="Destinations">The destinations.</param>
internal sealed record DestinationsDocumentBody(IReadOnlyList<DestinationEntryBody> Destinations);
