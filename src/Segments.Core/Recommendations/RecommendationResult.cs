namespace Segments.Core.Recommendations;

/// <summary>A run's recommendations: what was measured, the model served, and every customer's list.</summary>
/// <param name="Evaluation">The holdout measurement.</param>
/// <param name="Served">The model fitted on all data up to the as-of.</param>
/// <param name="Lambda">Its λ when it is EASE.</param>
/// <param name="Products">Products it knows.</param>
/// <param name="ModelBytes">Bytes the fitted item-to-item weights held.</param>
/// <param name="Customers">Per customer, best first; customers without history have the best sellers (<see cref="CustomerRecommendations.Fallback"/>).</param>
/// <param name="BestSellers">The store's best sellers (what a customer without history gets).</param>
public sealed record RecommendationResult(
    RecommendationEvaluation Evaluation,
    RecommendationModelKind Served,
    double? Lambda,
    int Products,
    long ModelBytes,
    IReadOnlyList<CustomerRecommendations> Customers,
    CustomerRecommendations BestSellers);
