using Segments.Core.Recommendations;
using Segments.Core.Transactions;

namespace Segments.Pipeline.Recompute;

/// <summary>
/// A bucketed run's recommender statistics as its buckets go by (<see cref="RunRecommendations.ForBuckets"/>): each
/// bucket's lines are summarised and merged into the running total at once, so one bucket's statistics and the merged
/// ones are held, never the lines (<see cref="BucketedRecommender"/>).
/// </summary>
public sealed class BucketedRecommendationPartials(DateOnly asOf, RecommendationOptions options)
{
    private readonly Lock _gate = new();

    /// <summary>The merged statistics of the buckets added so far.</summary>
    public RecommendationPartial Merged { get; private set; } = RecommendationPartial.Empty;

    /// <summary>Buckets added.</summary>
    public int Buckets { get; private set; }

    /// <summary>Summarises one bucket's lines (every line of its customers) and merges them in.</summary>
    public void Add(IReadOnlyList<TransactionLine> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var partial = BucketedRecommender.Summarise(lines, [], asOf, options, cancellationToken);
        lock (_gate)
        {
            Merged = RecommendationPartial.Merge(Merged, partial);
            Buckets++;
        }
    }
}
