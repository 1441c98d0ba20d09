namespace Segments.Core.Rules;

/// <summary>Why one segment definition (or the whole document) was rejected.</summary>
/// <param name="Index">1-based place of the definition in the <c>segments</c> array; 0 for the document as a whole.</param>
/// <param name="Name">The definition's name, empty when it has none.</param>
/// <param name="Message">Plain-words message naming the segment, e.g. <c>segment 2 'Big spenders': unknown attribute 'revnue' at position 1; did you mean 'revenue'?</c>.</param>
/// <param name="QueryPosition">1-based position in the query when the query is at fault.</param>
public sealed record SegmentDefinitionError(int Index, string Name, string Message, int? QueryPosition = null)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
