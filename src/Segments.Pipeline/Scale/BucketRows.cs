using Segments.Core.Experiments;
using Segments.Core.Profiles;
using Segments.Core.Rfm;
using Segments.Core.Scale;
using Segments.Core.SegmentProfiles;
using Segments.Core.Segmentation;
using Segments.Core.Transactions;
using Segments.Pipeline.Queries;
using Segments.Pipeline.Recompute;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Scale;

/// <summary>
/// One bucket's generation rows and what the run needs of them (<see cref="BucketOutcome"/>): the rows the
/// whole-population run writes for these customers (segments, predictions, profile columns, experiment groups) and
/// the counts it takes over them (segment sizes, the R × F grid, reach, experiment group sizes, segment profile
/// counts, cohort tables), so the rows are written and dropped with the bucket.
/// </summary>
internal static class BucketRows
{
    /// <summary>The rows of <paramref name="customers"/> and the bucket's outcome.</summary>
    /// <param name="bucket">The customer bucket.</param>
    /// <param name="customers">Its customers scored.</param>
    /// <param name="lines">Its order lines (for the cohort tables).</param>
    /// <param name="frame">The run's segment lists (<see cref="BucketSegmentFrame"/>), which name every segment.</param>
    /// <param name="experiments">The run's experiments.</param>
    /// <param name="hashKey">The experiments' hash key (groups are a hash of it, the experiment and the customer id).</param>
    /// <param name="profiles">Every customer profile of the run, by id; null without customer exports.</param>
    /// <param name="cohortDimensions">The dimensions some profile of the run carries.</param>
    public static (List<CustomerSegmentRow> Rows, BucketOutcome Outcome) Of(
        int bucket,
        IReadOnlyList<CustomerSegmentation> customers,
        IReadOnlyList<TransactionLine> lines,
        RunRecord frame,
        BucketExperiments experiments,
        string? hashKey,
        IReadOnlyDictionary<string, CustomerProfileFields>? profiles,
        IReadOnlyList<string> cohortDimensions)
    {
        var segments = SegmentRef.InRun(frame);
        var applied = experiments.Applied
            .Select(e => (Experiment: e, Segment: segments.FirstOrDefault(s => string.Equals(s.Id, e.Segment, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"experiment '{e.Name}' names segment {e.Segment}, which run {frame.RunId} does not have")))
            .ToList();
        var assigner = applied.Count == 0 ? null : new ControlGroupAssigner(hashKey is { Length: > 0 } key
            ? key
            : throw new InvalidOperationException("setting Segments:Experiments:HashKey is not set in this process, but the run applies experiments"));

        var counts = new Counts();
        var rows = new List<CustomerSegmentRow>(customers.Count);
        var accumulator = new SegmentProfileAccumulator();
        foreach (var customer in customers)
        {
            var row = RecomputeSegmentsHandler.ToRow(customer);
            var groups = new List<ExperimentAssignment>();
            foreach (var (experiment, segment) in applied)
            {
                if (segment.Contains(row))
                {
                    var group = assigner!.GroupOf(experiment.Name, experiment.ControlShare, row.CustomerId);
                    groups.Add(new ExperimentAssignment(segment.Id, experiment.Name, group));
                    Increment(counts.ExperimentMembers, experiment.Name);
                    if (group == ExperimentGroups.Control)
                    {
                        Increment(counts.ExperimentControl, experiment.Name);
                    }
                }
            }

            if (groups.Count > 0)
            {
                row = row with { ExperimentGroups = groups };
            }

            rows.Add(row);
            var memberships = segments.Where(s => s.Contains(row)).Select(s => s.Id).ToList();
            counts.Add(customer, row, memberships, profiles);
            var demographics = customer.Profile is { } profile ? new CustomerDemographics(profile.AgeBand, profile.Gender) : null;
            accumulator.Add(new ProfiledCustomer(row.CustomerId, row.RecencyDays, row.Frequency, row.Monetary, row.Country, row.LifecycleStage, customer.Products), memberships, demographics);
        }

        var outcome = new BucketOutcome
        {
            Bucket = bucket,
            Customers = rows.Count,
            Revenue = accumulator.Revenue,
            RfmSegments = counts.Rfm,
            LifecycleStages = counts.Stages,
            Clusters = counts.Clusters,
            RuleSegments = counts.Rules,
            PredictiveSegments = counts.Predictive,
            RfGrid = counts.Grid,
            ProfilesWithOrders = counts.ProfilesWithOrders,
            AnyProfile = counts.AnyProfile,
            ExperimentControl = counts.ExperimentControl,
            ExperimentMembers = counts.ExperimentMembers,
            Reach = segments.Select(s => counts.Reach.GetValueOrDefault(s.Id) ?? new SegmentReach(s.Id, 0, 0)).ToList(),
            Cohorts = BucketCohorts.Of(lines, frame.AsOf, cohortDimensions, profiles),
            SegmentProfiles = SegmentProfileAccumulatorFormat.ToBytes(accumulator),
        };
        return (rows, outcome);
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;

    private sealed class Counts
    {
        public Dictionary<string, int> Rfm { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Stages { get; } = new(StringComparer.Ordinal);

        public Dictionary<int, int> Clusters { get; } = [];

        public Dictionary<string, int> Rules { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Predictive { get; } = new(StringComparer.Ordinal);

        public int[][] Grid { get; } = Enumerable.Range(0, RfGrid.Scores).Select(_ => new int[RfGrid.Scores]).ToArray();

        public Dictionary<string, SegmentReach> Reach { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> ExperimentControl { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> ExperimentMembers { get; } = new(StringComparer.Ordinal);

        public int ProfilesWithOrders { get; private set; }

        public bool AnyProfile { get; private set; }

        public void Add(CustomerSegmentation customer, CustomerSegmentRow row, List<string> memberships, IReadOnlyDictionary<string, CustomerProfileFields>? profiles)
        {
            Increment(Rfm, row.Segment);
            Increment(Stages, customer.LifecycleStage);
            if (row.Cluster is { } cluster)
            {
                Increment(Clusters, cluster);
            }

            foreach (var rule in row.RuleSegments)
            {
                Increment(Rules, rule);
            }

            foreach (var predictive in PredictiveSegments.Of(row.Prediction))
            {
                Increment(Predictive, predictive);
            }

            // As RfGrid.Count: the scores run from 1 to 5.
            ArgumentOutOfRangeException.ThrowIfLessThan(customer.Rfm.R, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(customer.Rfm.R, RfGrid.Scores);
            ArgumentOutOfRangeException.ThrowIfLessThan(customer.Rfm.F, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(customer.Rfm.F, RfGrid.Scores);
            Grid[customer.Rfm.R - 1][customer.Rfm.F - 1]++;

            ProfilesWithOrders += profiles is not null && profiles.ContainsKey(row.CustomerId) ? 1 : 0;
            AnyProfile |= customer.Profile is not null;

            // As SegmentReachCounter: members without a profile have given no consent.
            if (row.Profile is not null)
            {
                var consent = MarketingConsent.Of(row.Profile);
                foreach (var id in memberships)
                {
                    var reach = Reach.GetValueOrDefault(id) ?? new SegmentReach(id, 0, 0);
                    Reach[id] = reach with { Email = reach.Email + (consent.Email ? 1 : 0), Sms = reach.Sms + (consent.Sms ? 1 : 0) };
                }
            }
        }
    }
}
