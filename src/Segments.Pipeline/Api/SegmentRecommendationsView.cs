using Segments.Core.Recommendations;

namespace Segments.Pipeline.Api;

/// <summary>The answer of <c>GET /api/segments/{name}/recommendations</c>.</summary>
/// <param name="RunId">The active run.</param>
/// <param name="AsOf">Its as-of.</param>
/// <param name="Segment">The segment's id.</param>
/// <param name="Model">The model that ranked the members' lists.</param>
/// <param name="Recommendations">The products in most members' lists, first the most.</param>
public sealed record SegmentRecommendationsView(
    string RunId,
    DateOnly AsOf,
    string Segment,
    string Model,
    IReadOnlyList<SegmentRecommendation> Recommendations);
