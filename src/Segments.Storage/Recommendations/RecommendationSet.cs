using Segments.Core.Recommendations;

namespace Segments.Storage.Recommendations;

/// <summary>
/// A run's recommendations as stored: every segment's list, and every customer's — in this document, or, for a run
/// scored bucket by bucket, in one blob per customer bucket (<see cref="CustomerBuckets"/>; <see cref="RecommendationStore.ReadBucketAsync"/>).
/// </summary>
/// <param name="RunId">The run.</param>
/// <param name="AsOf">Its as-of.</param>
/// <param name="Summary">What was measured and served.</param>
/// <param name="Customers">Per customer id.</param>
/// <param name="Segments">Per segment id.</param>
/// <param name="CustomerBuckets">
/// Null: <paramref name="Customers"/> holds every customer. Otherwise the customers are stored per bucket
/// (<c>CustomerBucket.IndexOf(id, CustomerBuckets)</c>) and <paramref name="Customers"/> is empty.
/// </param>
public sealed record RecommendationSet(
    string RunId,
    DateOnly AsOf,
    RecommendationRunSummary Summary,
    IReadOnlyDictionary<string, CustomerRecommendations> Customers,
    IReadOnlyDictionary<string, IReadOnlyList<SegmentRecommendation>> Segments,
    int? CustomerBuckets = null);
