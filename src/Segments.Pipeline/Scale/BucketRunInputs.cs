using Segments.Core.Profiles;
using Segments.Pipeline.Recompute;

namespace Segments.Pipeline.Scale;

/// <summary>What every bucket of a run is scored with, besides the population model.</summary>
/// <param name="Rules">The rule segments and product catalog.</param>
/// <param name="Profiles">The merged customer profiles.</param>
/// <param name="ProfileBatchesRead">Customer exports read into them.</param>
public sealed record BucketRunInputs(RuleSegmentInputs Rules, ProfileMerger Profiles, int ProfileBatchesRead);
