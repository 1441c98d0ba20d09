namespace Segments.Core.Rules;

/// <summary>A shop-defined segment, as written in <c>config/segments.json</c>.</summary>
/// <param name="Name">Unique name (compared ignoring case), e.g. <c>UK regulars</c>.</param>
/// <param name="Description">What the segment is for; may be empty.</param>
/// <param name="Query">The rule query text.</param>
public sealed record SegmentDefinition(string Name, string Description, string Query);
