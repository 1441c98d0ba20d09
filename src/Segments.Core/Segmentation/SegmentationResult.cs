using Segments.Core.Clustering;
using Segments.Core.Lifecycle;
using Segments.Core.Rfm;

namespace Segments.Core.Segmentation;

/// <summary>Everything one recompute found about the customer base.</summary>
public sealed record SegmentationResult(
    DateOnly AsOf,
    RfmScoring Rfm,
    LifecycleAssessment Lifecycle,
    ClusteringResult Clusters,
    IReadOnlyList<SegmentCount> RuleSegmentCounts,
    IReadOnlyList<CustomerSegmentation> Customers)
{
    /// <summary>The customer-base models of this run.</summary>
    public PredictionSummary? Predictions { get; init; }

    /// <summary>Customers with a profile but no non-cancelled order up to the run's date: kept for when they buy, not scored.</summary>
    public int ProfilesWithoutOrders { get; init; }

    /// <summary>Cohort retention: the plain table first, then one per dimension some customer export carries.</summary>
    public IReadOnlyList<Cohorts.CohortTable> Cohorts { get; init; } = [];
}
