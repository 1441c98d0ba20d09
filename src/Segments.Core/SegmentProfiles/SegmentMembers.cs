namespace Segments.Core.SegmentProfiles;

/// <summary>One segment to profile: its id and the ids of its customers.</summary>
/// <param name="Segment">Segment id, e.g. <c>rfm:Champions</c>.</param>
/// <param name="CustomerIds">Its customers; ids not among the profiled customers are ignored.</param>
public sealed record SegmentMembers(string Segment, IReadOnlyCollection<string> CustomerIds);
