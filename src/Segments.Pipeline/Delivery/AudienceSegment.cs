using Segments.Pipeline.Queries;

namespace Segments.Pipeline.Delivery;

/// <summary>One followed segment of an audience-files destination: its members' ids in this run and in the previous one.</summary>
/// <param name="Segment">The segment.</param>
public sealed record AudienceSegment(SegmentRef Segment)
{
    /// <summary>Members in this run.</summary>
    public HashSet<string> Now { get; } = new(StringComparer.Ordinal);

    /// <summary>Members in the previous succeeded run.</summary>
    public HashSet<string> Before { get; } = new(StringComparer.Ordinal);
}
