using Segments.Core.Explanations;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Queries;

/// <summary>
/// Explains each segment a customer row is in from what the run kept: RFM cut points, lifecycle thresholds,
/// cluster centroids and scaling, the model choice, and the rule clauses stored on the row at recompute.
/// </summary>
public static class MembershipExplainer
{
    /// <summary>Every segment of <paramref name="run"/> that <paramref name="row"/> is in, in the run's order, each explained.</summary>
    public static IReadOnlyList<SegmentMembership> Explain(CustomerSegmentRow row, RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(run);
        var groups = row.ExperimentGroups
            .GroupBy(g => g.Segment, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return SegmentRef.InRun(run)
            .Where(segment => segment.Contains(row))
            .Select(segment =>
            {
                var group = groups.GetValueOrDefault(segment.Id);
                return new SegmentMembership(segment.Id, Reasons(segment, row, run)) { Experiment = group?.Experiment, Group = group?.Group };
            })
            .ToList();
    }

    /// <summary>The customer-base models' view in words; null without a prediction.</summary>
    public static string? ExplainPrediction(CustomerSegmentRow row, RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(run);
        return row.Prediction is { } prediction ? PredictionExplanation.Explain(prediction, run.Predictions?.ChosenModel) : null;
    }

    private static IReadOnlyList<string> Reasons(SegmentRef segment, CustomerSegmentRow row, RunRecord run) => segment.Kind switch
    {
        SegmentKind.Rfm => run.RfmCutPoints is { } cuts
            ?
            [
                RfmExplanation.Recency(row.RecencyDays, row.R, cuts.Recency),
                RfmExplanation.Frequency(row.Frequency, row.F, cuts.Frequency),
                RfmExplanation.Monetary(row.Monetary, row.M, cuts.Monetary),
                RfmExplanation.Segment(row.Segment, row.R, row.F, row.M),
            ]
            : [RfmExplanation.Segment(row.Segment, row.R, row.F, row.M)],
        SegmentKind.Lifecycle => run.LifecycleThresholds is { } thresholds && row.FirstOrderDate is { } first
            ? [LifecycleExplanation.Explain(segment.Name, run.AsOf.DayNumber - first.DayNumber, row.RecencyDays, thresholds)]
            : [],
        SegmentKind.Cluster => row.Cluster is { } cluster
            ? [ClusterExplanation.Explain(cluster, row.RecencyDays, row.Frequency, row.Monetary, run.Clusters, run.ClusterScaling)]
            : [],
        SegmentKind.Rule =>
        [
            $"{segment.Name}: the rule's query holds; the clauses that decided it, with this customer's values:",
            .. row.RuleClauses.GetValueOrDefault(segment.Name) ?? [],
        ],
        SegmentKind.Behaviour => row.BehaviourExplanations.TryGetValue(segment.Name, out var why) ? [why] : [],
        _ => [],
    };
}
