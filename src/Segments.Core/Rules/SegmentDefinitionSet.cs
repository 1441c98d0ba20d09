namespace Segments.Core.Rules;

/// <summary>
/// What loading segment definitions produced: the segments that are valid, and an error for every one
/// that is not. A caller that publishes segments should refuse the set unless <see cref="IsValid"/>,
/// so that a typo never silently drops a segment.
/// </summary>
public sealed record SegmentDefinitionSet(IReadOnlyList<RuleSegment> Segments, IReadOnlyList<SegmentDefinitionError> Errors)
{
    /// <summary>True when every definition was valid.</summary>
    public bool IsValid => Errors.Count == 0;
}
