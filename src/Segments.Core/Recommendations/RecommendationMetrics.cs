namespace Segments.Core.Recommendations;

/// <summary>
/// How one model did on the holdout: averages over the customers with purchases on both sides of the split.
/// </summary>
/// <param name="Model">The model.</param>
/// <param name="Lambda">EASE's ridge penalty; null for the other models.</param>
/// <param name="Customers">Customers measured (purchases before and in the holdout).</param>
/// <param name="HitRate">Share of them who bought at least one of their top k in the holdout.</param>
/// <param name="Recall">Mean share of a customer's holdout products (new to them) found in their top k.</param>
/// <param name="Ndcg">Mean normalised discounted cumulative gain at k (1 when the holdout products fill the top ranks).</param>
public sealed record RecommendationMetrics(
    RecommendationModelKind Model,
    double? Lambda,
    int Customers,
    double HitRate,
    double Recall,
    double Ndcg)
{
    /// <summary>Milliseconds the model took to fit and rank the holdout customers.</summary>
    public long ElapsedMs { get; init; }
}
