namespace Segments.Core.Recommendations;

/// <summary>
/// Measures a <see cref="Recommender"/> on a <see cref="HoldoutSplit"/>: hit rate, recall and NDCG at k over the
/// customers who bought on both sides. A customer's relevant products are those bought in the holdout that the
/// ranking could contain: not bought before the split, unless repeats are allowed for them. Products new to the
/// store in the holdout count as relevant (no model could rank them; leaving them out would flatter recall).
/// </summary>
public static class RecommendationEvaluator
{
    /// <summary>The metrics of <paramref name="recommender"/> at <paramref name="k"/>.</summary>
    public static RecommendationMetrics Measure(Recommender recommender, HoldoutSplit split, int k, RecommendationOptions options, double? lambda = null)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        ArgumentNullException.ThrowIfNull(split);
        return Sum(recommender, split.Training, split.Holdout, k, options).ToMetrics(recommender.Kind, lambda);
    }

    /// <summary>
    /// The metrics' sums over the customers of <paramref name="matrix"/> (the training side, indexed as
    /// <paramref name="recommender"/>'s model) who bought something in <paramref name="holdout"/>.
    /// </summary>
    public static RecommendationMetricSums Sum(Recommender recommender, InteractionMatrix matrix, IReadOnlyDictionary<string, HashSet<string>> holdout, int k, RecommendationOptions options)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(options);
        int customers = 0, hits = 0;
        double recall = 0, ndcg = 0;
        foreach (var history in matrix.Customers)
        {
            if (!history.Kinds.Contains(SignalKind.Purchased) || !holdout.TryGetValue(history.CustomerId, out var bought))
            {
                continue;
            }

            customers++;
            var relevant = bought
                .Where(p => !matrix.ProductIndex.TryGetValue(p, out var i) || !history.Bought(i) || options.MayRepeat(p))
                .ToHashSet(StringComparer.Ordinal);
            if (relevant.Count == 0)
            {
                continue;
            }

            var ranked = recommender.Rank(history, k);
            var found = 0;
            var gain = 0.0;
            for (var r = 0; r < ranked.Count; r++)
            {
                if (relevant.Contains(matrix.Products[ranked[r].Product]))
                {
                    found++;
                    gain += 1 / Math.Log2(r + 2);
                }
            }

            var ideal = 0.0;
            for (var r = 0; r < Math.Min(k, relevant.Count); r++)
            {
                ideal += 1 / Math.Log2(r + 2);
            }

            hits += found > 0 ? 1 : 0;
            recall += (double)found / relevant.Count;
            ndcg += gain / ideal;
        }

        return new RecommendationMetricSums(customers, hits, recall, ndcg);
    }
}
