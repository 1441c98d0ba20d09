namespace Segments.Core.Destinations;

/// <summary>Why a destination (or the whole document) was not applied.</summary>
/// <param name="Index">1-based place of the destination in the <c>destinations</c> array; 0 for the document as a whole.</param>
/// <param name="Name">The destination's name, empty when it has none.</param>
/// <param name="Path">Where in the document: a JSON path such as <c>$.destinations[2].url</c>, or a line and byte for broken JSON.</param>
/// <param name="Message">Plain words, naming the destination and, where one is close, the intended word.</param>
public sealed record DestinationError(int Index, string Name, string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
