namespace Segments.Core.Recommendations;

/// <summary>
/// The holdout metrics of one model before they are averaged: counts and sums over the customers measured, so the
/// sums of customer buckets add up to the whole population's (each customer's holdout is their own).
/// </summary>
/// <param name="Customers">Customers measured (purchases before and in the holdout).</param>
/// <param name="Hits">Of them, those who bought at least one of their top k.</param>
/// <param name="Recall">Sum of the customers' recall.</param>
/// <param name="Ndcg">Sum of the customers' NDCG.</param>
public sealed record RecommendationMetricSums(int Customers, int Hits, double Recall, double Ndcg)
{
    /// <summary>No customer measured.</summary>
    public static RecommendationMetricSums None { get; } = new(0, 0, 0, 0);

    /// <summary>Milliseconds spent ranking the customers measured.</summary>
    public long ElapsedMs { get; init; }

    /// <summary>Both sums together.</summary>
    public RecommendationMetricSums Plus(RecommendationMetricSums other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new RecommendationMetricSums(Customers + other.Customers, Hits + other.Hits, Recall + other.Recall, Ndcg + other.Ndcg)
        {
            ElapsedMs = ElapsedMs + other.ElapsedMs,
        };
    }

    /// <summary>The averages, rounded to four decimals; all 0 when no customer was measured.</summary>
    public RecommendationMetrics ToMetrics(RecommendationModelKind model, double? lambda) =>
        Customers == 0
            ? new RecommendationMetrics(model, lambda, 0, 0, 0, 0)
            : new RecommendationMetrics(model, lambda, Customers, Math.Round((double)Hits / Customers, 4), Math.Round(Recall / Customers, 4), Math.Round(Ndcg / Customers, 4));
}
