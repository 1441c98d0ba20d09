using Segments.Core.SegmentProfiles;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Queries;

/// <summary>What looking up a segment's profile found: the active run, the segment it named (or the candidates), and the profile.</summary>
/// <param name="Run">The active run; null before the first run.</param>
/// <param name="Segment">The segment named; null when unknown or ambiguous.</param>
/// <param name="Candidates">Every segment the name could mean (more than one when ambiguous).</param>
/// <param name="Profile">The profile; null when the run has none for the segment.</param>
public sealed record SegmentProfileLookup(RunRecord? Run, SegmentRef? Segment, IReadOnlyList<SegmentRef> Candidates, SegmentProfile? Profile);
