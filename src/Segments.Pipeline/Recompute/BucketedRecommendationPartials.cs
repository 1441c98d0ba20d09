using Segments.Core.Recommendations;
using Segments.Core.Transactions;

namespace Segments.Pipeline.Recompute;

/// <summary>
/// A bucketed run's recommender statistics as its buckets go by (<see cref="RunRecommendations.ForBuckets"/>): each
/// bucket's lines are added to the running sums at once (<see cref="RecommendationStatistics"/>), so the sums and one
/// bucket's lines are held, never every line.
/// </summary>
public sealed class BucketedRecommendationPartials(DateOnly asOf, RecommendationOptions options)
{
    private readonly Lock _gate = new();

    /// <summary>The sums of the buckets added so far.</summary>
    public RecommendationStatistics Statistics { get; } = new(asOf, options);

    /// <summary>Adds one bucket's lines (every line of its customers).</summary>
    public void Add(IReadOnlyList<TransactionLine> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        lock (_gate)
        {
            BucketedRecommender.Summarise(Statistics, lines, [], cancellationToken);
        }
    }
}
