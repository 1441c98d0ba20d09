using System.Globalization;
using Segments.Core.Rfm;
using Segments.Pipeline.Queries;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Dashboard;

/// <summary>Builds the dashboard's model from the Runs ledger and the two newest generation tables.</summary>
public sealed class DashboardQuery(RunLedger runs, GenerationSegmentReader generations, Storage.Blobs.SegmentProfileStore profiles, Storage.Deliveries.DeliveryLedger? deliveries = null, Api.PredictionsApi? predictions = null)
{
    // A generation never changes once written, so neither does the movement between two given runs: the last
    // one computed is kept, and reloading the page does not scan both tables again.
    private SegmentMovement? _lastMovement;

    // Likewise the uplift of the active run against the one before: kept for that pair of runs once every experiment's
    // comparison was answered, with results or a refusal (a storage failure, 5xx, is asked again on the next view).
    private (string Active, string Previous, IReadOnlyList<ExperimentUplift> Uplift)? _lastUplift;

    /// <summary>The model; every part that cannot be shown yet says so instead.</summary>
    public async Task<DashboardModel> BuildAsync(CancellationToken cancellationToken)
    {
        var all = await runs.ListAsync(cancellationToken).ConfigureAwait(false);
        var active = await runs.GetActiveAsync(cancellationToken).ConfigureAwait(false);
        var activeRun = active is null ? null : all.FirstOrDefault(r => r.RunId == active.RunId);

        var succeeded = all.Where(r => r.Status == RunStatus.Succeeded).ToList();
        var (movement, unavailable) = succeeded.Count switch
        {
            0 => (null, "Movement needs two runs: no run has succeeded yet."),
            1 => (null, "Movement needs two runs: only one has succeeded so far."),
            _ when succeeded[0].GenerationTable is null || succeeded[1].GenerationTable is null => (null, "Movement needs the customer rows of both runs, and one of them has been dropped."),
            _ => (await MovementAsync(succeeded[1], succeeded[0], cancellationToken).ConfigureAwait(false), (string?)null),
        };

        var timeline = all.Reverse().Select(r => new RunPoint(
            r.RunId,
            r.AsOf,
            r.Status,
            r.RequestedAt,
            r.StartedAt is { } started && r.FinishedAt is { } finished ? (long)(finished - started).TotalMilliseconds : null,
            r.CostUsd?.Total,
            r.CustomersScored)).ToList();

        // The cohort table is kept with the run's segment profiles: one blob read, only for the active run.
        var cohorts = activeRun is null ? null : (await profiles.ReadAsync(activeRun.RunId, cancellationToken).ConfigureAwait(false))?.Cohorts.FirstOrDefault(t => t.Dimension is null);
        return new DashboardModel(activeRun is null ? null : Panel(activeRun), movement, unavailable, timeline)
        {
            Deliveries = deliveries is null ? [] : RunDeliveriesOf(await deliveries.ListAllAsync(cancellationToken).ConfigureAwait(false)),
            Predictions = activeRun is null ? null : new PredictionPanel(activeRun.Predictions?.Accuracy, cohorts),
            Uplift = await UpliftAsync(activeRun, succeeded, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<IReadOnlyList<ExperimentUplift>> UpliftAsync(RunRecord? activeRun, List<RunRecord> succeeded, CancellationToken cancellationToken)
    {
        if (predictions is null || activeRun is null)
        {
            return [];
        }

        // The experiments the comparison can be asked about: those of the active run and of the run before it (the
        // API looks an experiment up in the earlier run, so one only in the active run gets the API's "not found").
        var previous = succeeded.FirstOrDefault(r => string.CompareOrdinal(r.RunId, activeRun.RunId) < 0);
        var experiments = activeRun.Experiments.Concat(previous?.Experiments ?? [])
            .DistinctBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (previous is not null && _lastUplift is { } kept && kept.Active == activeRun.RunId && kept.Previous == previous.RunId)
        {
            return kept.Uplift;
        }

        var uplift = new List<ExperimentUplift>(experiments.Count);
        var answered = true;
        foreach (var experiment in experiments)
        {
            if (previous is null)
            {
                uplift.Add(new ExperimentUplift(experiment.Name, experiment.Segment, null, "Uplift needs two runs: only one has succeeded so far."));
                continue;
            }

            // The same computation as GET /api/experiments/{name}/results with its defaults (active run against the one before).
            var answer = await predictions.GetExperimentResultsAsync(experiment.Name, Api.ExperimentResultsRequest.Parse(null, null, null, null, null), cancellationToken).ConfigureAwait(false);
            answered &= answer.StatusCode < 500;
            uplift.Add(answer.Body switch
            {
                Api.ExperimentResultsView view => new ExperimentUplift(view.Experiment, view.Segment, view, null),
                Api.ApiErrorBody error => new ExperimentUplift(experiment.Name, experiment.Segment, null, error.Error.Message),
                _ => new ExperimentUplift(experiment.Name, experiment.Segment, null, $"The results could not be read (HTTP {answer.StatusCode})."),
            });
        }

        if (previous is not null && answered)
        {
            _lastUplift = (activeRun.RunId, previous.RunId, uplift);
        }

        return uplift;
    }

    private static List<RunDeliveries> RunDeliveriesOf(IReadOnlyList<Storage.Deliveries.DeliveryRecord> records) =>
        records.GroupBy(d => (d.Key.RunId, d.Key.Destination))
            .OrderByDescending(g => g.Key.RunId, StringComparer.Ordinal).ThenBy(g => g.Key.Destination, StringComparer.Ordinal)
            .Select(g => new RunDeliveries(
                g.Key.RunId,
                g.Key.Destination,
                g.Count(),
                g.Sum(d => d.Events),
                g.Count(d => d.Status == Storage.Deliveries.DeliveryStatus.Sent),
                g.Count(d => d.Status == Storage.Deliveries.DeliveryStatus.Pending),
                g.Count(d => d.Status == Storage.Deliveries.DeliveryStatus.DeadLettered)))
            .ToList();

    private static ActiveRunPanel Panel(RunRecord run)
    {
        // Reach is counted by the run and kept on its record (like the R x F grid): the page reads no customer rows for it.
        var reach = run.Reachable.ToDictionary(r => r.Segment, StringComparer.Ordinal);
        SegmentBar Bar(SegmentKind kind, string name, string label, int customers)
        {
            var id = new SegmentRef(kind, name).Id;
            var reached = reach.GetValueOrDefault(id);
            return new SegmentBar(id, label, customers) { ReachableByEmail = reached?.Email, ReachableBySms = reached?.Sms };
        }

        SegmentBar Cluster(int cluster, int size)
        {
            var name = cluster.ToString(CultureInfo.InvariantCulture);
            return Bar(SegmentKind.Cluster, name, "Cluster " + name, size);
        }

        var families = new List<SegmentFamily>
        {
            new("RFM segments", run.Segments.Select(s => Bar(SegmentKind.Rfm, s.Name, s.Name, s.Customers)).ToList()),
            new("Lifecycle stages", run.LifecycleStages.Select(s => Bar(SegmentKind.Lifecycle, s.Name, s.Name, s.Customers)).ToList()),
            new("Rule segments", run.RuleSegments.Select(s => Bar(SegmentKind.Rule, s.Name, s.Name, s.Customers)).ToList()),
            new("Behaviour segments", run.BehaviourSegments.Select(s => Bar(SegmentKind.Behaviour, s.Name, s.Name, s.Customers)).ToList()),
            new("Clusters", run.Clusters.Select(c => Cluster(c.Cluster, c.Size)).ToList()),
            new("Predictive: churn risk and value", (run.Predictions?.Segments ?? []).Select(s => Bar(SegmentKind.Predictive, s.Name, s.Name, s.Customers)).ToList()),
        };
        return new ActiveRunPanel(run.RunId, run.AsOf, run.CustomersScored, families, run.RfGrid) { Recommendations = run.Recommendations };
    }

    private async Task<SegmentMovement> MovementAsync(RunRecord from, RunRecord to, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _lastMovement) is { } last && last.FromRunId == from.RunId && last.ToRunId == to.RunId)
        {
            return last;
        }

        var earlier = new Dictionary<string, string>(from.CustomersScored, StringComparer.Ordinal);
        await foreach (var row in generations.ReadAsync(from.GenerationTable!, cancellationToken).ConfigureAwait(false))
        {
            earlier[row.CustomerId] = row.Segment;
        }

        var tally = new TransitionTally(earlier);
        await foreach (var row in generations.ReadAsync(to.GenerationTable!, cancellationToken).ConfigureAwait(false))
        {
            tally.Add(row.CustomerId, row.Segment);
        }

        var movement = new SegmentMovement(from.RunId, from.AsOf, to.RunId, to.AsOf, RfmSegmentTable.SegmentNames, tally.Transitions());
        Volatile.Write(ref _lastMovement, movement);
        return movement;
    }
}
