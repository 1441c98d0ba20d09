using Segments.Core.Rfm;

namespace Segments.Core.Segmentation;

/// <summary>Every segment one customer is in after a run: what a lookup returns.</summary>
/// <param name="Rfm">RFM measures, scores and named segment.</param>
/// <param name="FirstOrderDate">First non-cancelled order.</param>
/// <param name="LastOrderDate">Latest non-cancelled order.</param>
/// <param name="LifecycleStage">Lifecycle stage name (see <see cref="Lifecycle.LifecycleStageNames"/>).</param>
/// <param name="Cluster">Behavioural cluster, 1-based.</param>
/// <param name="RuleSegments">Names of the store's rule segments the customer matches.</param>
public sealed record CustomerSegmentation(
    RfmScore Rfm,
    DateOnly FirstOrderDate,
    DateOnly LastOrderDate,
    string LifecycleStage,
    int? Cluster,
    IReadOnlyList<string> RuleSegments)
{
    /// <summary>P(alive), expected purchases and CLV; null when the models could not be fitted.</summary>
    public CustomerPrediction? Prediction { get; init; }

    /// <summary>Distinct products bought on non-cancelled lines, ordinal order (input of segment profiles).</summary>
    public IReadOnlyList<string> Products { get; init; } = [];

    /// <summary>Per matched rule segment, the clauses that hold with the customer's values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RuleClauses { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The customer's newest profile as of the run's date (age band derived); null when no customer export names the customer.</summary>
    public Profiles.CustomerProfileFields? Profile { get; init; }

    /// <summary>The customer's id.</summary>
    public string CustomerId => Rfm.Metrics.CustomerId;
}
