using Segments.Core.Recommendations;

namespace Segments.Storage.Recommendations;

/// <summary>A run's recommendations as stored: every customer's list and every segment's.</summary>
/// <param name="RunId">The run.</param>
/// <param name="AsOf">Its as-of.</param>
/// <param name="Summary">What was measured and served.</param>
/// <param name="Customers">Per customer id.</param>
/// <param name="Segments">Per segment id.</param>
public sealed record RecommendationSet(
    string RunId,
    DateOnly AsOf,
    RecommendationRunSummary Summary,
    IReadOnlyDictionary<string, CustomerRecommendations> Customers,
    IReadOnlyDictionary<string, IReadOnlyList<SegmentRecommendation>> Segments);
