using Segments.Core.Clustering;
using Segments.Core.Lifecycle;

namespace Segments.Pipeline.Queries;

/// <summary>The segments of the active run with their sizes.</summary>
public sealed record SegmentList(string RunId, DateOnly AsOf, IReadOnlyList<SegmentSummary> Segments)
{
    /// <summary>Customers per lifecycle stage.</summary>
    public IReadOnlyList<SegmentSummary> LifecycleStages { get; init; } = [];

    /// <summary>The day counts the stages were decided with.</summary>
    public LifecycleThresholds? LifecycleThresholds { get; init; }

    /// <summary>Behavioural clusters with size and centroid.</summary>
    public IReadOnlyList<ClusterSummary> Clusters { get; init; } = [];

    /// <summary>The clusters as segments: id, size and the centroid in words.</summary>
    public IReadOnlyList<SegmentSummary> ClusterSegments { get; init; } = [];

    /// <summary>The store's rule segments with their sizes.</summary>
    public IReadOnlyList<SegmentSummary> RuleSegments { get; init; } = [];

    /// <summary>The behaviour segments from events (<c>behaviour:Cart Abandoners</c> …); empty when no events were ingested.</summary>
    public IReadOnlyList<SegmentSummary> BehaviourSegments { get; init; } = [];

    /// <summary>The customer-base models of the run: every candidate with its fit and holdout error, the choice, the spend model.</summary>
    public Core.Segmentation.PredictionSummary? Predictions { get; init; }

    /// <summary>Rule segment definitions that could not be evaluated, and why.</summary>
    public IReadOnlyList<string> RuleErrors { get; init; } = [];

    /// <summary>Lines of the product catalog <c>config/products.csv</c> that were skipped, and why.</summary>
    public IReadOnlyList<string> ProductCatalogErrors { get; init; } = [];

    /// <summary>The A/B experiments of <c>config/experiments.json</c> applied in the run, with control and treatment sizes.</summary>
    public IReadOnlyList<Core.Experiments.ExperimentSummary> Experiments { get; init; } = [];

    /// <summary>Experiments that could not be applied, and why.</summary>
    public IReadOnlyList<string> ExperimentErrors { get; init; } = [];
}

/// <summary>One segment and its size.</summary>
public sealed record SegmentSummary(string Name, int Customers)
{
    /// <summary>The qualified id (<c>rfm:Champions</c>, <c>lifecycle:At Risk</c>, <c>cluster:1</c>, <c>rule:Name</c>) that every segment route takes.</summary>
    public string? Id { get; init; }

    /// <summary>What puts a customer in the segment, in words, with this run's numbers.</summary>
    public string? Definition { get; init; }

    /// <summary>Members who consented to e-mail marketing, counted by the run; null for runs recorded before reach was kept.</summary>
    public int? ReachableByEmail { get; init; }

    /// <summary>Members who consented to SMS marketing, counted by the run; null for runs recorded before reach was kept.</summary>
    public int? ReachableBySms { get; init; }
}
