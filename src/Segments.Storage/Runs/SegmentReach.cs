namespace Segments.Storage.Runs;

/// <summary>How many of a segment's customers consented to each marketing channel in one run.</summary>
/// <param name="Segment">Segment id, e.g. <c>rfm:Champions</c>.</param>
/// <param name="Email">Members who consented to e-mail marketing.</param>
/// <param name="Sms">Members who consented to SMS marketing.</param>
public sealed record SegmentReach(string Segment, int Email, int Sms);
