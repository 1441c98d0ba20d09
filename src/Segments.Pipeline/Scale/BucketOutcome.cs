using Segments.Core.Cohorts;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Scale;

/// <summary>
/// What one bucket's scoring pass leaves for the run once its rows are written (<see cref="RunWorkBlobs.OutcomeOf"/>):
/// counts and sums that add up across buckets to what the whole-population run counts over every customer, so the
/// run record, the segment profiles and the experiments are merged without a list of all customers.
/// </summary>
public sealed record BucketOutcome
{
    /// <summary>The customer bucket.</summary>
    public int Bucket { get; init; }

    /// <summary>Customers scored (rows written).</summary>
    public int Customers { get; init; }

    /// <summary>Their revenue (RFM monetary).</summary>
    public decimal Revenue { get; init; }

    /// <summary>Customers per RFM segment name.</summary>
    public Dictionary<string, int> RfmSegments { get; init; } = [];

    /// <summary>Customers per lifecycle stage name.</summary>
    public Dictionary<string, int> LifecycleStages { get; init; } = [];

    /// <summary>Customers per cluster.</summary>
    public Dictionary<int, int> Clusters { get; init; } = [];

    /// <summary>Customers per rule segment name.</summary>
    public Dictionary<string, int> RuleSegments { get; init; } = [];

    /// <summary>Customers per predictive segment name.</summary>
    public Dictionary<string, int> PredictiveSegments { get; init; } = [];

    /// <summary>Customers per recency score × frequency score (5 × 5).</summary>
    public int[][] RfGrid { get; init; } = [];

    /// <summary>Scored customers a customer export names.</summary>
    public int ProfilesWithOrders { get; init; }

    /// <summary>Whether some scored customer has a profile (the segment profiles then show age and gender mixes).</summary>
    public bool AnyProfile { get; init; }

    /// <summary>Per applied experiment (by name): members in its control group.</summary>
    public Dictionary<string, int> ExperimentControl { get; init; } = [];

    /// <summary>Per applied experiment (by name): members of its segment.</summary>
    public Dictionary<string, int> ExperimentMembers { get; init; } = [];

    /// <summary>Per segment, in run order, members reachable by e-mail and by SMS.</summary>
    public IReadOnlyList<SegmentReach> Reach { get; init; } = [];

    /// <summary>The bucket's cohort tables: the plain one, then one per dimension the run's profiles carry.</summary>
    public IReadOnlyList<CohortTable> Cohorts { get; init; } = [];

    /// <summary>The bucket's segment profile counts (<see cref="Core.Scale.SegmentProfileAccumulatorFormat"/>).</summary>
    public byte[] SegmentProfiles { get; init; } = [];
}
