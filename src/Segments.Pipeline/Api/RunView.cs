using Segments.Core.Cost;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Api;

/// <summary>What the API shows of a run (storage details such as the generation table stay inside).</summary>
public sealed record RunView(
    string RunId,
    DateOnly AsOf,
    string Status,
    string Trigger,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int BatchesRead,
    long TransactionsRead,
    int CustomersScored,
    IReadOnlyDictionary<string, long> StageDurationsMs,
    IReadOnlyList<SegmentSize> Segments,
    string? Error,
    UsageReport? Usage,
    CostBreakdown? CostUsd)
{
    /// <summary>Customer exports read, profiles joined, profiles without orders and conflicting records; null when the run read none.</summary>
    public ProfileRunSummary? Profiles { get; init; }

    /// <summary>The recommender's holdout metrics (every model against popularity), the model served, its time and memory; null when the run made none.</summary>
    public Storage.Recommendations.RecommendationRunSummary? Recommendations { get; init; }
    /// <summary>Customers per behaviour segment (<c>behaviour:</c> family); absent when the run read no events.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public IReadOnlyList<SegmentSize>? BehaviourSegments { get; init; }

    /// <summary>
    /// The customer-base models of the run: candidates, choice and how it was estimated, churn settings, the
    /// <c>predictive:</c> family's sizes and <c>accuracy</c>, the holdout check (null for runs before models ran).
    /// </summary>
    public Core.Segmentation.PredictionSummary? Predictions { get; init; }

    /// <summary>
    /// What the run's deliveries have cost so far (sender executions, priced per delivery on its ledger row), with
    /// counts; only on <c>GET /api/runs/{id}</c>, and absent when the run wrote no deliveries. Not in <see cref="CostUsd"/>,
    /// which is final when the run ends: deliveries happen later.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Delivery.DeliveriesCost? DeliveriesCostUsd { get; init; }

    /// <summary>The run's own cost plus <see cref="DeliveriesCostUsd"/> (USD); only beside it.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public decimal? TotalCostUsd { get; init; }

    /// <summary>This view with the run's deliveries' cost and the total beside <see cref="CostUsd"/>.</summary>
    public RunView WithDeliveries(Delivery.DeliveriesCost deliveries)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        return deliveries.Deliveries == 0
            ? this
            : this with { DeliveriesCostUsd = deliveries, TotalCostUsd = (CostUsd?.Total ?? 0m) + deliveries.Total };
    }

    /// <summary>The view of a ledger row.</summary>
    public static RunView Of(RunRecord r) => new(
        r.RunId, r.AsOf, r.Status, r.Trigger, r.RequestedAt, r.StartedAt, r.FinishedAt,
        r.BatchesRead, r.TransactionsRead, r.CustomersScored, r.StageDurationsMs, r.Segments, r.Error, r.Usage, r.CostUsd)
    {
        Profiles = r.Profiles,
        Recommendations = r.Recommendations,
        BehaviourSegments = r.BehaviourSegments.Count == 0 ? null : r.BehaviourSegments,
        Predictions = r.Predictions,
    };
}
