using System.Text.Json.Serialization;

namespace Segments.Pipeline.Queries;

/// <summary>The answer to "which segments is customer X in?".</summary>
public sealed record CustomerLookup(string CustomerId, string RunId, DateOnly AsOf, RfmView Rfm)
{
    /// <summary>First and latest non-cancelled order.</summary>
    public DateOnly? FirstOrderDate { get; init; }

    /// <summary>Latest non-cancelled order.</summary>
    public DateOnly? LastOrderDate { get; init; }

    /// <summary>Lifecycle stage (New, Active, At Risk, Lapsed, Lost, Reactivated, One-time).</summary>
    public string? LifecycleStage { get; init; }

    /// <summary>Behavioural cluster (see the run's cluster centroids).</summary>
    public int? Cluster { get; init; }

    /// <summary>P(alive), expected purchases over 30/90/365 days, expected order value and 12-month CLV; null when the run's models could not be fitted.</summary>
    public Core.Segmentation.CustomerPrediction? Predictive { get; init; }

    /// <summary>
    /// What the customer exports say about the customer (newest record; age band as of the run; consent per
    /// channel with its time); null when no customer export names the customer.
    /// </summary>
    public Core.Profiles.CustomerProfileFields? Profile { get; init; }

    /// <summary>
    /// May the customer be contacted: <c>email</c> and <c>sms</c> are true only for an explicit yes in the newest
    /// customer export (no profile, or an empty or negative value, is false), with the time it was given or withdrawn.
    /// </summary>
    public Core.Profiles.MarketingConsent Consent { get; init; } = Core.Profiles.MarketingConsent.None;

    /// <summary>
    /// In a segment listing only: the customer's group (<c>control</c> or <c>treatment</c>) in the listed segment's
    /// experiment; absent when the segment has no experiment, and in lookups (see <see cref="Memberships"/>).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Group { get; init; }

    /// <summary>The store's rule segments the customer is in.</summary>
    public IReadOnlyList<string> RuleSegments { get; init; } = [];

    /// <summary>Every segment the customer is in, explained in words with the numbers behind it, with the A/B group where the segment has an experiment.</summary>
    public IReadOnlyList<SegmentMembership> Memberships { get; init; } = [];

    /// <summary>
    /// What the customer's behaviour events say as of the run: last seen, counts per canonical event over the fact
    /// windows (7/30/90 days), the abandoned cart; absent when no event is theirs.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Core.Events.CustomerBehaviour? Behaviour { get; init; }

    /// <summary>The predictions in words; null without predictions.</summary>
    public string? PredictiveExplanation { get; init; }

    /// <summary>
    /// Only when <c>GET /api/customers/{customerId}</c> is asked with <c>include=recommendations</c> and the run has the
    /// customer's list: the same answer as <c>GET /api/customers/{customerId}/recommendations</c>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Api.CustomerRecommendationsView? Recommendations { get; init; }
}

/// <summary>A customer's RFM measures, scores, code and named segment.</summary>
public sealed record RfmView(int RecencyDays, int Frequency, decimal Monetary, int R, int F, int M, string Code, string Segment);
