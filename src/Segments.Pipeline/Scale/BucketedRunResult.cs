using Segments.Core.Recommendations;
using Segments.Core.Segmentation;

namespace Segments.Pipeline.Scale;

/// <summary>What a bucketed run's read and score stages give the rest of the run.</summary>
/// <param name="Result">Every customer scored, as the whole-population engine gives them.</param>
/// <param name="LinesAdded">Lines folded in (on or before the run's date).</param>
/// <param name="BatchesMerged">Order batches the state holds.</param>
/// <param name="Inputs">The rules, profiles and products the buckets were scored with.</param>
/// <param name="RecommendationLines">The lines the recommender reads (empty when recommendations are off).</param>
public sealed record BucketedRunResult(SegmentationResult Result, long LinesAdded, int BatchesMerged, BucketRunInputs Inputs, RecommendationLineCollector RecommendationLines);
