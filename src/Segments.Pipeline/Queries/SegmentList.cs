namespace Segments.Pipeline.Queries;

/// <summary>The segments of the active run with their sizes.</summary>
public sealed record SegmentList(string RunId, DateOnly AsOf, IReadOnlyList<SegmentSummary> Segments);

/// <summary>One segment and its size.</summary>
public sealed record SegmentSummary(string Name, int Customers);
