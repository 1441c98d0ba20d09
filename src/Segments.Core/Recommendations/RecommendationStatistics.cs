using Segments.Core.Events;
using Segments.Core.Transactions;

namespace Segments.Core.Recommendations;

/// <summary>
/// A run's recommender statistics, added up bucket by bucket (<see cref="BucketedRecommender.Summarise"/>): those of
/// the training side (before the holdout), which the measured models learn from, and those of everything up to the
/// as-of, which the served model learns from. One bucket's lines are held while it is added, never more.
/// </summary>
/// <param name="asOf">The run's date: the holdout ends on it.</param>
/// <param name="options">The recommender's options.</param>
public sealed class RecommendationStatistics(DateOnly asOf, RecommendationOptions options)
{
    private readonly InteractionStatisticsAccumulator _training = new();
    private readonly InteractionStatisticsAccumulator _full = new();

    /// <summary>The run's date.</summary>
    public DateOnly AsOf { get; } = asOf;

    /// <summary>Buckets added.</summary>
    public int Buckets { get; private set; }

    /// <summary>Adds one bucket: every line and event of its customers (customers of no bucket added before).</summary>
    public void Add(IReadOnlyCollection<TransactionLine> lines, IReadOnlyCollection<ResolvedEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(events);
        _training.Add(HoldoutSplit.Create(lines, events, AsOf, options).Training, cancellationToken);
        _full.Add(BucketedRecommender.FullMatrix(lines, events, AsOf, options), cancellationToken);
        Buckets++;
    }

    /// <summary>The training side's statistics so far.</summary>
    public PairStatistics Training() => _training.Build();

    /// <summary>The statistics of everything up to the as-of so far.</summary>
    public PairStatistics Full() => _full.Build();
}
