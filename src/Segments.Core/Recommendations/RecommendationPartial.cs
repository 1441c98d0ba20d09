namespace Segments.Core.Recommendations;

/// <summary>
/// One customer bucket's share of a run's recommender (<see cref="BucketedRecommender.Summarise"/>): the statistics
/// of its customers' training side (before the holdout) and of everything up to the as-of. Partials of disjoint
/// buckets merge exactly (<see cref="Merge"/>).
/// </summary>
/// <param name="Training">What the models measured on the holdout learn from.</param>
/// <param name="Full">What the served model learns from.</param>
public sealed record RecommendationPartial(InteractionStatistics Training, InteractionStatistics Full)
{
    /// <summary>No customers.</summary>
    public static RecommendationPartial Empty { get; } = new(InteractionStatistics.Empty, InteractionStatistics.Empty);

    /// <summary>Both buckets' customers together.</summary>
    public static RecommendationPartial Merge(RecommendationPartial a, RecommendationPartial b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new RecommendationPartial(InteractionStatistics.Merge(a.Training, b.Training), InteractionStatistics.Merge(a.Full, b.Full));
    }
}
