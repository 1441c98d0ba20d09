namespace Segments.Storage.Generations;

/// <summary>One customer's row in a generation table: everything a lookup returns.</summary>
public sealed record CustomerSegmentRow(
    string CustomerId,
    int RecencyDays,
    int Frequency,
    decimal Monetary,
    int R,
    int F,
    int M,
    string Code,
    string Segment,
    string Country)
{
    /// <summary>First non-cancelled order.</summary>
    public DateOnly? FirstOrderDate { get; init; }

    /// <summary>Latest non-cancelled order.</summary>
    public DateOnly? LastOrderDate { get; init; }

    /// <summary>Lifecycle stage name.</summary>
    public string? LifecycleStage { get; init; }

    /// <summary>Behavioural cluster.</summary>
    public int? Cluster { get; init; }

    /// <summary>P(alive), expected purchases and CLV; null when the models could not be fitted.</summary>
    public Core.Segmentation.CustomerPrediction? Prediction { get; init; }

    /// <summary>The customer's newest profile as of the run (age band derived), or null when no customer export names the customer.</summary>
    public Core.Profiles.CustomerProfileFields? Profile { get; init; }

    /// <summary>Rule segments the customer matched.</summary>
    public IReadOnlyList<string> RuleSegments { get; init; } = [];

    /// <summary>Per matched rule segment, the clauses that held with the customer's values (the lookup's explanation).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RuleClauses { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Behaviour segments (<c>Cart Abandoners</c>, <c>Browse Abandoners</c>, <c>Prospects</c>) the customer is in, as of the run.</summary>
    public IReadOnlyList<string> BehaviourSegments { get; init; } = [];

    /// <summary>Per behaviour segment the customer is in, why, in words ("added 2 items worth 85.00 to the cart 3 days ago; no order since").</summary>
    public IReadOnlyDictionary<string, string> BehaviourExplanations { get; init; } = new Dictionary<string, string>();

    /// <summary>What the customer's events say (last seen, counts per window, abandoned cart); null when no event is theirs.</summary>
    public Core.Events.CustomerBehaviour? Behaviour { get; init; }

    /// <summary>The customer's group in each experiment on one of their segments (<c>config/experiments.json</c>).</summary>
    public IReadOnlyList<Core.Experiments.ExperimentAssignment> ExperimentGroups { get; init; } = [];
}
