using Segments.Core.Cohorts;
using Segments.Core.Experiments;
using Segments.Core.Lifecycle;
using Segments.Core.Rfm;
using Segments.Core.Rules;
using Segments.Core.Scale;
using Segments.Core.SegmentProfiles;
using Segments.Core.Segmentation;
using Segments.Pipeline.Queries;
using Segments.Pipeline.Recompute;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Scale;

/// <summary>
/// Every bucket's <see cref="BucketOutcome"/> added up, one bucket at a time: what the run record, the segment
/// profiles and the experiments of a bucketed run are made of, in place of the whole scored population. Sizes, the
/// R × F grid, reach and group sizes are sums; segment profiles merge exact counts and histograms
/// (<see cref="SegmentProfileAccumulator"/>); cohort tables add up cell by cell (<see cref="BucketCohorts"/>).
/// </summary>
public sealed class BucketedRunTotals
{
    private readonly Dictionary<string, int> _rfm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _stages = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _clusters = [];
    private readonly Dictionary<string, int> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _predictive = new(StringComparer.Ordinal);
    private readonly int[][] _grid = Enumerable.Range(0, RfGrid.Scores).Select(_ => new int[RfGrid.Scores]).ToArray();
    private readonly Dictionary<string, int> _experimentControl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _experimentMembers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Email, int Sms)> _reach = new(StringComparer.Ordinal);
    private SegmentProfileAccumulator _profiles = new();
    private IReadOnlyList<CohortTable>? _cohorts;

    /// <summary>Customers scored.</summary>
    public int Customers { get; private set; }

    /// <summary>Their revenue.</summary>
    public decimal Revenue { get; private set; }

    /// <summary>Scored customers a customer export names.</summary>
    public int ProfilesWithOrders { get; private set; }

    /// <summary>Whether some scored customer has a profile.</summary>
    public bool AnyProfile { get; private set; }

    /// <summary>Customers per recency score × frequency score.</summary>
    public IReadOnlyList<IReadOnlyList<int>> RfGridCounts => _grid;

    /// <summary>Adds one bucket's outcome; <paramref name="source"/> names it in errors.</summary>
    public void Add(BucketOutcome outcome, string source)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Customers += outcome.Customers;
        Revenue += outcome.Revenue;
        ProfilesWithOrders += outcome.ProfilesWithOrders;
        AnyProfile |= outcome.AnyProfile;
        AddAll(_rfm, outcome.RfmSegments);
        AddAll(_stages, outcome.LifecycleStages);
        AddAll(_clusters, outcome.Clusters);
        AddAll(_rules, outcome.RuleSegments);
        AddAll(_predictive, outcome.PredictiveSegments);
        AddAll(_experimentControl, outcome.ExperimentControl);
        AddAll(_experimentMembers, outcome.ExperimentMembers);
        for (var r = 0; r < outcome.RfGrid.Length; r++)
        {
            for (var f = 0; f < outcome.RfGrid[r].Length; f++)
            {
                _grid[r][f] += outcome.RfGrid[r][f];
            }
        }

        foreach (var reach in outcome.Reach)
        {
            var sum = _reach.GetValueOrDefault(reach.Segment);
            _reach[reach.Segment] = (sum.Email + reach.Email, sum.Sms + reach.Sms);
        }

        _profiles = SegmentProfileAccumulator.Merge([_profiles, SegmentProfileAccumulatorFormat.FromBytes(outcome.SegmentProfiles, source)]);
        _cohorts = _cohorts is null ? outcome.Cohorts : BucketCohorts.Merge([_cohorts, outcome.Cohorts]);
    }

    /// <summary><paramref name="run"/> with the segment lists and sizes, as <see cref="RunSegmentSizes.WithSegmentSizes"/> gives them.</summary>
    public RunRecord WithSegmentSizes(RunRecord run, PopulationModel model, IReadOnlyList<RuleSegment> rules)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rules);
        return run with
        {
            Segments = RfmSegmentTable.SegmentNames.Select(n => new SegmentSize(n, _rfm.GetValueOrDefault(n))).ToList(),
            LifecycleStages = LifecycleStageNames.All.Select(LifecycleStageNames.NameOf).Select(n => new SegmentSize(n, _stages.GetValueOrDefault(n))).ToList(),
            Clusters = model.Clusters.Clusters.Select(c => c with { Size = _clusters.GetValueOrDefault(c.Cluster) }).ToList(),
            RuleSegments = rules.Select(r => new SegmentSize(r.Name, _rules.GetValueOrDefault(r.Name))).ToList(),
        };
    }

    /// <summary>The model's predictions with the predictive segment sizes.</summary>
    public PredictionSummary Predictions(PopulationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Predictions with { Segments = PredictiveSegments.Names.Select(n => new SegmentCount(n, _predictive.GetValueOrDefault(n))).ToList() };
    }

    /// <summary>
    /// The run's insights as <see cref="RunInsights.ComputeAsync"/> gives them over every row, but without the rows
    /// (the buckets wrote them): segment profiles of the segments <paramref name="frame"/> names, experiment group
    /// sizes, reach, the cut points and the cluster scaling.
    /// </summary>
    public RunInsightsResult Insights(RunRecord frame, PopulationModel model, BucketExperiments experiments)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(experiments);
        var segments = SegmentRef.InRun(frame).Select(s => s.Id).ToList();
        var profiles = _profiles.Profiles(segments, AnyProfile, RunInsights.ProfileOptions);
        var set = new SegmentProfileSet(frame.RunId, frame.AsOf, Customers, Revenue, RunInsights.ProfileOptions, profiles) { Cohorts = _cohorts ?? [] };
        var summaries = experiments.Applied
            .Select(e => new ExperimentSummary(e.Name, e.Segment, e.ControlShare, _experimentControl.GetValueOrDefault(e.Name), _experimentMembers.GetValueOrDefault(e.Name) - _experimentControl.GetValueOrDefault(e.Name)))
            .ToList();
        var reach = segments.Select(id =>
        {
            var (email, sms) = _reach.GetValueOrDefault(id);
            return new SegmentReach(id, email, sms);
        }).ToList();
        return new RunInsightsResult([], set, summaries, experiments.Errors, model.Rfm, model.Clusters.Scaling) { Reachable = reach };
    }

    private static void AddAll<TKey>(Dictionary<TKey, int> into, Dictionary<TKey, int> from)
        where TKey : notnull
    {
        foreach (var (key, count) in from)
        {
            into[key] = into.GetValueOrDefault(key) + count;
        }
    }
}
