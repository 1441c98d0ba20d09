namespace Segments.Core.Scale;

/// <summary>
/// What scoring needs from the whole population, summarised from one or more buckets of customers (pass 1 of
/// bucketed scoring): exact value histograms for the RFM quintile cuts and the lifecycle gap percentiles, the grouped
/// sufficient statistics of the customer-base models, and a bottom-k sample for k-means. Summaries of disjoint
/// buckets merge (<see cref="Merge"/>) associatively and commutatively, so the merged summary does not depend on how
/// customers were split or in which order the parts arrive; <see cref="PopulationSummaryFormat"/> writes it compactly.
/// </summary>
public sealed class PopulationSummary
{
    /// <summary>Customers kept in the clustering sample by default: with no more customers than this, clusters are exactly today's.</summary>
    public const int DefaultClusterSampleSize = 100_000;

    /// <summary>A summary of no customers yet, as of <paramref name="asOf"/>.</summary>
    public PopulationSummary(DateOnly asOf, int holdoutDays, int clusterSampleSize = DefaultClusterSampleSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(holdoutDays);
        AsOf = asOf;
        HoldoutDays = holdoutDays;
        Sample = new ClusterSample(clusterSampleSize);
    }

    /// <summary>The run's date: every measure is taken as of it (lines after it are left out).</summary>
    public DateOnly AsOf { get; }

    /// <summary>Days before <see cref="AsOf"/> held out to choose the purchase model (<see cref="Segmentation.PredictionOptions.HoldoutDays"/>).</summary>
    public int HoldoutDays { get; }

    /// <summary>The buckets summarised, ascending: merging a bucket twice is refused.</summary>
    public SortedSet<int> Buckets { get; } = [];

    /// <summary>Lines folded in (on or before the as-of date).</summary>
    public long LinesAdded { get; set; }

    /// <summary>Customers scored (at least one non-cancelled order).</summary>
    public long Customers => Recency.Count;

    /// <summary>Recency days of every scored customer.</summary>
    public ValueHistogram Recency { get; } = new();

    /// <summary>Distinct non-cancelled orders of every scored customer.</summary>
    public ValueHistogram Frequency { get; } = new();

    /// <summary>Net revenue (floored at 0) of every scored customer.</summary>
    public ValueHistogram Monetary { get; } = new();

    /// <summary>Every gap in days between consecutive order days of every repeat customer.</summary>
    public ValueHistogram Gaps { get; } = new();

    /// <summary>Customers with at least two order days.</summary>
    public long RepeatCustomers { get; set; }

    /// <summary>The customer-base models' grouped histories.</summary>
    public PurchaseGroups Purchases { get; } = new();

    /// <summary>The clustering sample.</summary>
    public ClusterSample Sample { get; }

    /// <summary>
    /// The summary of every part together. The parts must share the as-of date, the holdout and the sample size, and
    /// cover distinct buckets; the result is the same for any order of the parts.
    /// </summary>
    public static PopulationSummary Merge(IEnumerable<PopulationSummary> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        PopulationSummary? merged = null;
        foreach (var part in parts)
        {
            merged ??= new PopulationSummary(part.AsOf, part.HoldoutDays, part.Sample.Capacity);
            merged.Add(part);
        }

        return merged ?? throw new ArgumentException("Nothing to merge: no summaries given.", nameof(parts));
    }

    /// <summary>
    /// Folds <paramref name="part"/> (another bucket's summary) into this one, so that a coordinator holds one running
    /// summary and one part at a time instead of every part; the same rules and result as <see cref="Merge"/>.
    /// </summary>
    public void Add(PopulationSummary part)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (part.AsOf != AsOf || part.HoldoutDays != HoldoutDays || part.Sample.Capacity != Sample.Capacity)
        {
            throw new ArgumentException(
                $"Cannot merge a summary as of {part.AsOf:yyyy-MM-dd} (holdout {part.HoldoutDays} days, sample {part.Sample.Capacity}) "
                + $"into one as of {AsOf:yyyy-MM-dd} (holdout {HoldoutDays} days, sample {Sample.Capacity}).",
                nameof(part));
        }

        if (Buckets.Overlaps(part.Buckets))
        {
            throw new ArgumentException($"Bucket {part.Buckets.First(Buckets.Contains)} is in two summaries: each bucket's customers may be counted once.", nameof(part));
        }

        Buckets.UnionWith(part.Buckets);
        LinesAdded += part.LinesAdded;
        Recency.AddAll(part.Recency);
        Frequency.AddAll(part.Frequency);
        Monetary.AddAll(part.Monetary);
        Gaps.AddAll(part.Gaps);
        RepeatCustomers += part.RepeatCustomers;
        Purchases.AddAll(part.Purchases);
        Sample.AddAll(part.Sample);
    }
}
