namespace Segments.Pipeline.Api.Destinations;

/// <summary>A destination of <c>config/destinations.json</c> that does not apply, and where and why.</summary>
/// <param name="Index">1-based place in the <c>destinations</c> array; 0 for the document.</param>
/// <param name="Name">Its name, empty when it has none.</param>
/// <param name="Path">JSON path (or line and byte) of the problem.</param>
/// <param name="Message">Why, with the word meant where one is close.</param>
public sealed record DestinationErrorView(int Index, string Name, string Path, string Message);
