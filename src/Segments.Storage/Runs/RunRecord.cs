namespace Segments.Storage.Runs;

/// <summary>One row of the Runs ledger.</summary>
public sealed record RunRecord
{
    /// <summary>Sortable id, e.g. <c>20261123T120000123Z-3f9a</c>.</summary>
    public required string RunId { get; init; }

    /// <summary>The date segments are computed as of.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>One of <see cref="RunStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>What asked for the run: <c>timer</c> or <c>http</c>.</summary>
    public required string Trigger { get; init; }

    /// <summary>When it was requested: the order of runs (see <see cref="RunOrder"/>).</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>
    /// Whether the request allows a run that scores no customer to replace an active generation that has
    /// some (<c>"allowEmpty": true</c>); without it such a run fails and the old generation stays active.
    /// </summary>
    public bool AllowEmpty { get; init; }

    /// <summary>When computing started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Accepted batches read.</summary>
    public int BatchesRead { get; init; }

    /// <summary>Transaction lines folded in (dated on or before <see cref="AsOf"/>).</summary>
    public long TransactionsRead { get; init; }

    /// <summary>Customers with at least one non-cancelled order.</summary>
    public int CustomersScored { get; init; }

    /// <summary>Milliseconds per stage (read, score, write, flip).</summary>
    public IReadOnlyDictionary<string, long> StageDurationsMs { get; init; } = new Dictionary<string, long>();

    /// <summary>Customers per RFM segment, every segment listed.</summary>
    public IReadOnlyList<SegmentSize> Segments { get; init; } = [];

    /// <summary>Customers per R score × F score: <c>RfGrid[r - 1][f - 1]</c>; empty for runs recorded before it existed.</summary>
    public IReadOnlyList<IReadOnlyList<int>> RfGrid { get; init; } = [];

    /// <summary>
    /// Per segment of every family, the members reachable by e-mail and by SMS (consent in the customer exports),
    /// counted during the run so the dashboard does not scan; empty for runs recorded before it existed.
    /// </summary>
    public IReadOnlyList<SegmentReach> Reachable { get; init; } = [];

    /// <summary>Customers per lifecycle stage.</summary>
    public IReadOnlyList<SegmentSize> LifecycleStages { get; init; } = [];

    /// <summary>The day counts lifecycle stages were decided with.</summary>
    public Core.Lifecycle.LifecycleThresholds? LifecycleThresholds { get; init; }

    /// <summary>Behavioural clusters with their size and centroid.</summary>
    public IReadOnlyList<Core.Clustering.ClusterSummary> Clusters { get; init; } = [];

    /// <summary>The customer-base models of the run: candidates, choice, spend model.</summary>
    public Core.Segmentation.PredictionSummary? Predictions { get; init; }

    /// <summary>Customers per rule segment of <c>config/segments.json</c>.</summary>
    public IReadOnlyList<SegmentSize> RuleSegments { get; init; } = [];

    /// <summary>Customers per behaviour segment (<c>behaviour:</c> family: Cart Abandoners, Browse Abandoners, Prospects); empty when no events were ingested.</summary>
    public IReadOnlyList<SegmentSize> BehaviourSegments { get; init; } = [];

    /// <summary>Rule segment definitions that could not be used, with the reason and position.</summary>
    public IReadOnlyList<string> RuleErrors { get; init; } = [];

    /// <summary>Problems in the product catalog <c>config/products.csv</c> (file, line, reason); the bad lines were skipped.</summary>
    public IReadOnlyList<string> ProductCatalogErrors { get; init; } = [];

    /// <summary>The 20/40/60/80th percentiles recency, frequency and monetary value were scored with (for explanations).</summary>
    public Core.Rfm.RfmCutPoints? RfmCutPoints { get; init; }

    /// <summary>The feature scaling the clusters were fitted in (for explaining a customer's nearest centroid).</summary>
    public Core.Clustering.RfmFeatureScaling? ClusterScaling { get; init; }

    /// <summary>The experiments of <c>config/experiments.json</c> applied in this run, with group sizes.</summary>
    public IReadOnlyList<Core.Experiments.ExperimentSummary> Experiments { get; init; } = [];

    /// <summary>Experiments that could not be applied, and why.</summary>
    public IReadOnlyList<string> ExperimentErrors { get; init; } = [];

    /// <summary>Blob (container <c>normalized</c>) holding the run's segment profiles; null when none were written.</summary>
    public string? SegmentProfilesBlob { get; init; }

    /// <summary>What the run read from customer exports and how it joined them with the customers; null when it read none.</summary>
    public ProfileRunSummary? Profiles { get; init; }

    /// <summary>The recommender's holdout metrics, model served, time and memory; null for runs without recommendations.</summary>
    public Recommendations.RecommendationRunSummary? Recommendations { get; init; }

    /// <summary>Table that holds this run's customer rows.</summary>
    public string? GenerationTable { get; init; }

    /// <summary>Partitions of the generation table.</summary>
    public int BucketCount { get; init; }

    /// <summary>What went wrong, for failed runs.</summary>
    public string? Error { get; init; }

    /// <summary>Storage requests, bytes, wall time and peak memory of the execution, by stage; null until it ends.</summary>
    public Core.Cost.UsageReport? Usage { get; init; }

    /// <summary>What <see cref="Usage"/> cost at the rates of <c>config/rates.json</c>; null until the run ends.</summary>
    public Core.Cost.CostBreakdown? CostUsd { get; init; }
}

/// <summary>A segment and how many customers it holds in one run.</summary>
public sealed record SegmentSize(string Name, int Customers);
