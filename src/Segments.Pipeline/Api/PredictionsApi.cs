using System.Globalization;
using System.Text;
using Segments.Core.Cohorts;
using Segments.Core.Uplift;
using Segments.Pipeline.Queries;
using Segments.Storage.Blobs;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Api;

/// <summary>Cohort retention and campaign uplift: what the runs say about groups of customers over time.</summary>
public sealed class PredictionsApi(RunLedger runs, SegmentProfileStore profiles, GenerationStore generations)
{
    /// <summary>
    /// <c>GET /api/cohorts?by=&amp;format=</c>: the active run's cohort table, plain or split by a profile dimension
    /// (<c>country</c>, <c>acquisitionChannel</c>); <c>format=csv</c> gives the CSV of <see cref="CohortCsv"/>.
    /// </summary>
    public async Task<ApiResponse> GetCohortsAsync(string? by, string? format, CancellationToken cancellationToken)
    {
        if (format is not null && !format.Equals("json", StringComparison.OrdinalIgnoreCase) && !format.Equals("csv", StringComparison.OrdinalIgnoreCase))
        {
            return ApiResponse.Error(400, "InvalidFormat", $"format is json or csv; got '{format}'.");
        }

        var dimension = string.IsNullOrEmpty(by) ? null : CohortDimensions.All.FirstOrDefault(d => d.Equals(by, StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrEmpty(by) && dimension is null)
        {
            return ApiResponse.Error(400, "InvalidCohortDimension", $"by is one of {string.Join(", ", CohortDimensions.All)}; got '{by}'.");
        }

        var run = await ActiveRunAsync(cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return NoActiveRun();
        }

        var set = await profiles.ReadAsync(run.RunId, cancellationToken).ConfigureAwait(false);
        if (set is null || set.Cohorts.Count == 0)
        {
            return ApiResponse.Error(404, "CohortsNotFound", $"Run {run.RunId} has no cohort table (it was computed before cohorts existed); start a new run.");
        }

        var table = set.Cohorts.FirstOrDefault(t => t.Dimension == dimension);
        if (table is null)
        {
            return ApiResponse.Error(400, "InvalidCohortDimension", $"No customer export of run {run.RunId} carries {dimension}: cohorts cannot be split by it.");
        }

        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            ? ApiResponse.Streamed("text/csv; charset=utf-8", (stream, ct) => stream.WriteAsync(Encoding.UTF8.GetBytes(CohortCsv.Write(table)), ct).AsTask())
            : ApiResponse.Ok(new CohortView(run.RunId, table.AsOf, table.Dimension, table.Cells));
    }

    /// <summary>
    /// <c>GET /api/experiments/{name}/results?fromRun=&amp;toRun=&amp;from=&amp;to=&amp;campaignCost=</c>: treatment against control
    /// among the customers in the experiment's segment in the earlier run, on what they bought until the later run.
    /// Runs are named (default: the active run and the succeeded run before it) or chosen by a date range (the
    /// first and the last succeeded run with an as-of in it).
    /// </summary>
    public async Task<ApiResponse> GetExperimentResultsAsync(string name, ExperimentResultsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.FindProblem() is { } problem)
        {
            return ApiResponse.Error(400, "InvalidExperimentResultsRequest", problem);
        }

        var (from, to, runProblem) = await RunsAsync(request, cancellationToken).ConfigureAwait(false);
        if (runProblem is not null)
        {
            return runProblem;
        }

        var experiment = from!.Experiments.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (experiment is null)
        {
            return ApiResponse.Error(404, "ExperimentNotFound", $"Run {from.RunId} applied no experiment '{name}' (see GET /api/segments → experiments).");
        }

        if (experiment.Control == 0 || experiment.Treatment == 0)
        {
            return ApiResponse.Error(400, "NoControlGroup",
                $"Experiment '{experiment.Name}' had {experiment.Control} control and {experiment.Treatment} treatment customers in run {from.RunId}: uplift needs both groups.");
        }

        foreach (var run in new[] { from, to! })
        {
            if (run.GenerationTable is not { } table || !await generations.ExistsAsync(table, cancellationToken).ConfigureAwait(false))
            {
                return ApiResponse.Error(410, "GenerationGone", $"The customer rows of run {run.RunId} are no longer kept (only the newest generations are); compare newer runs.");
            }
        }

        var members = new Dictionary<string, (bool Treatment, int Orders, decimal Revenue)>(StringComparer.Ordinal);
        await foreach (var keyed in generations.ScanAsync(from.GenerationTable!, null, cancellationToken).ConfigureAwait(false))
        {
            var row = keyed.Row;
            if (row.ExperimentGroups.FirstOrDefault(g => g.Experiment == experiment.Name && g.Segment == experiment.Segment) is { } group)
            {
                members[row.CustomerId] = (group.Group == Core.Experiments.ExperimentGroups.Treatment, row.Frequency, row.Monetary);
            }
        }

        var outcomes = new Dictionary<string, GroupOutcome>(StringComparer.Ordinal);
        foreach (var (id, member) in members)
        {
            outcomes[id] = new GroupOutcome(member.Treatment, 0, 0);
        }

        await foreach (var keyed in generations.ScanAsync(to!.GenerationTable!, null, cancellationToken).ConfigureAwait(false))
        {
            if (members.TryGetValue(keyed.Row.CustomerId, out var before))
            {
                // What was bought between the runs: the later run's counts less the earlier run's.
                outcomes[keyed.Row.CustomerId] = new GroupOutcome(before.Treatment, Math.Max(0, keyed.Row.Frequency - before.Orders), (double)(keyed.Row.Monetary - before.Revenue));
            }
        }

        var results = UpliftCalculator.Compute(outcomes.Values, request.CampaignCost);
        return ApiResponse.Ok(new ExperimentResultsView(experiment.Name, experiment.Segment, new RunPoint(from.RunId, from.AsOf), new RunPoint(to.RunId, to.AsOf), results));
    }

    private async Task<(RunRecord? From, RunRecord? To, ApiResponse? Problem)> RunsAsync(ExperimentResultsRequest request, CancellationToken cancellationToken)
    {
        var all = await runs.ListAsync(cancellationToken).ConfigureAwait(false);
        var succeeded = all.Where(r => r.Status == RunStatus.Succeeded).ToList();
        if (request.From is { } fromDate && request.To is { } toDate)
        {
            var inRange = succeeded.Where(r => r.AsOf >= fromDate && r.AsOf <= toDate).OrderBy(r => r.AsOf).ThenBy(r => r.RunId, StringComparer.Ordinal).ToList();
            return inRange.Count < 2
                ? (null, null, ApiResponse.Error(400, "NoRunsInRange", string.Create(CultureInfo.InvariantCulture,
                    $"{inRange.Count} succeeded run(s) have an as-of from {fromDate:yyyy-MM-dd} to {toDate:yyyy-MM-dd}: comparing needs two.")))
                : (inRange[0], inRange[^1], null);
        }

        RunRecord? to;
        if (request.ToRun is null)
        {
            var active = await runs.GetActiveAsync(cancellationToken).ConfigureAwait(false);
            to = active is null ? null : succeeded.FirstOrDefault(r => r.RunId == active.RunId);
            if (to is null)
            {
                return (null, null, NoActiveRun());
            }
        }
        else if ((to = succeeded.FirstOrDefault(r => r.RunId == request.ToRun)) is null)
        {
            return (null, null, ApiResponse.Error(404, "RunNotFound", $"There is no succeeded run '{request.ToRun}'."));
        }

        var from = request.FromRun is null
            ? succeeded.FirstOrDefault(r => string.CompareOrdinal(r.RunId, to.RunId) < 0)
            : succeeded.FirstOrDefault(r => r.RunId == request.FromRun);
        return from is null
            ? (null, null, ApiResponse.Error(404, "RunNotFound", request.FromRun is null
                ? $"There is no succeeded run before '{to.RunId}' to compare with; pass fromRun."
                : $"There is no succeeded run '{request.FromRun}'."))
            : (from, to, null);
    }

    private async Task<RunRecord?> ActiveRunAsync(CancellationToken cancellationToken)
    {
        var active = await runs.GetActiveAsync(cancellationToken).ConfigureAwait(false);
        return active is null ? null : await runs.GetAsync(active.RunId, cancellationToken).ConfigureAwait(false);
    }

    private static ApiResponse NoActiveRun() => ApiResponse.Error(404, "NoActiveRun", "No recompute has completed yet: POST /api/runs to start one.");
}
