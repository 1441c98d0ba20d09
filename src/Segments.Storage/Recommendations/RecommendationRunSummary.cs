using Segments.Core.Recommendations;

namespace Segments.Storage.Recommendations;

/// <summary>What a run records about its recommendations: the holdout metrics, the model served, its cost in time and memory.</summary>
/// <param name="Evaluation">Every model measured on the holdout, and the one chosen.</param>
/// <param name="Served">The model that ranked the customers' lists.</param>
/// <param name="Lambda">Its λ when it is EASE.</param>
/// <param name="Products">Products it knew.</param>
/// <param name="Customers">Customers with a list (those without history have the best sellers).</param>
/// <param name="FallbackCustomers">Customers who got the best sellers for want of history.</param>
/// <param name="ElapsedMs">Milliseconds the recommender added to the run (measure, fit, rank, store).</param>
/// <param name="ModelBytes">Bytes the served model held.</param>
public sealed record RecommendationRunSummary(
    RecommendationEvaluation Evaluation,
    RecommendationModelKind Served,
    double? Lambda,
    int Products,
    int Customers,
    int FallbackCustomers,
    long ElapsedMs,
    long ModelBytes);
