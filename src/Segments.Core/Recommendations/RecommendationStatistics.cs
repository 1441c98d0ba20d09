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
    private InteractionStatisticsAccumulator? _training = new();
    private InteractionStatisticsAccumulator? _full = new();

    /// <summary>The run's date.</summary>
    public DateOnly AsOf { get; } = asOf;

    /// <summary>Buckets added.</summary>
    public int Buckets { get; private set; }

    /// <summary>Adds one bucket: every line and event of its customers (customers of no bucket added before).</summary>
    public void Add(IReadOnlyCollection<TransactionLine> lines, IReadOnlyCollection<ResolvedEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(events);
        if (_training is null)
        {
            throw new InvalidOperationException("the training side's statistics were taken: no bucket can be added after the candidates are fitted");
        }

        if (_full is null)
        {
            throw new InvalidOperationException("the statistics of everything were taken: no bucket can be added after the served model is fitted");
        }

        _training.Add(HoldoutSplit.Create(lines, events, AsOf, options).Training, cancellationToken);
        _full.Add(BucketedRecommender.FullMatrix(lines, events, AsOf, options), cancellationToken);
        Buckets++;
    }

    /// <summary>
    /// The training side's statistics, taken once: the candidates are fitted from them and nothing else needs them, so
    /// their pair sums (a products² / 2 triangle of doubles) are not held here through the rest of the run.
    /// </summary>
    public PairStatistics TakeTraining()
    {
        var training = _training ?? throw new InvalidOperationException("the training side's statistics were already taken");
        _training = null;
        return training.Build();
    }

    /// <summary>Bytes the pair sums of everything up to the as-of hold (0 once taken).</summary>
    public long FullPairBytes => _full?.PairBytes ?? 0;

    /// <summary>
    /// The statistics of everything up to the as-of, taken once: the served model is fitted from them, and then the
    /// run ranks every bucket without them.
    /// </summary>
    public PairStatistics TakeFull()
    {
        var full = _full ?? throw new InvalidOperationException("the statistics of everything were already taken");
        _full = null;
        return full.Build();
    }
}
