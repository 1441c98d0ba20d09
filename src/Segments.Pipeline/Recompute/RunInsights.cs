using Microsoft.Extensions.Options;
using Segments.Core.Experiments;
using Segments.Core.Rfm;
using Segments.Core.SegmentProfiles;
using Segments.Core.Segmentation;
using Segments.Pipeline.Queries;
using Segments.Storage.Blobs;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Recompute;

/// <summary>
/// What a run adds for marketing on top of the segments: each customer's A/B group in the experiments of
/// <c>config/experiments.json</c>, a profile of every segment (with the products only the recompute sees), the
/// members reachable by e-mail and SMS per segment, and the cut points and scaling that lookups need to explain a membership.
/// </summary>
public sealed class RunInsights(ExperimentLoader experiments, SegmentProfileStore profiles, IOptions<ExperimentOptions> experimentOptions)
{
    /// <summary>List lengths and cross-sell support of the profiles.</summary>
    public static SegmentProfileOptions ProfileOptions { get; } = new();

    /// <summary>
    /// Assigns experiment groups and profiles every segment of the run. <paramref name="demographics"/> (age band
    /// and gender by customer id, from customer profiles) is optional; without it the profiles carry no
    /// age/gender mix. Invalid experiments are reported in the result, never thrown.
    /// </summary>
    public async Task<RunInsightsResult> ComputeAsync(
        RunRecord run,
        SegmentationResult result,
        IReadOnlyList<CustomerSegmentRow> rows,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, CustomerDemographics>? demographics = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rows);

        // The segment lists as the run record will hold them, so that segments are named exactly as the API names them.
        var shaped = run.WithSegmentSizes(result);
        var segments = SegmentRef.InRun(shaped);
        var members = segments.ToDictionary(s => s.Id, s => rows.Where(s.Contains).Select(r => r.CustomerId).ToList(), StringComparer.Ordinal);

        var definitions = await experiments.LoadAsync(cancellationToken).ConfigureAwait(false);
        var (applied, errors) = Resolve(definitions, shaped);
        var (assigned, summaries) = Assign(applied, members);
        var withGroups = rows
            .Select(row => assigned.TryGetValue(row.CustomerId, out var groups) ? row with { ExperimentGroups = groups } : row)
            .ToList();

        var products = result.Customers.ToDictionary(c => c.CustomerId, c => c.Products, StringComparer.Ordinal);
        var profiled = rows
            .Select(r => new ProfiledCustomer(r.CustomerId, r.RecencyDays, r.Frequency, r.Monetary, r.Country, r.LifecycleStage, products.GetValueOrDefault(r.CustomerId) ?? []))
            .ToList();
        var profileList = SegmentProfileCalculator.Profile(
            profiled,
            segments.Select(s => new SegmentMembers(s.Id, members[s.Id])).ToList(),
            demographics,
            ProfileOptions);
        var set = new SegmentProfileSet(run.RunId, run.AsOf, rows.Count, rows.Sum(r => r.Monetary), ProfileOptions, profileList) { Cohorts = result.Cohorts };

        var reach = SegmentReachCounter.Count(segments.Select(s => KeyValuePair.Create(s.Id, members[s.Id])), rows);
        return new RunInsightsResult(withGroups, set, summaries, errors, RfmCutPoints.Of(result.Rfm), result.Clusters.Scaling) { Reachable = reach };
    }

    /// <summary>
    /// The experiments that apply to <paramref name="shaped"/>'s segments, each naming its segment by id, and the
    /// problems of the others: what <see cref="ComputeAsync"/> resolves, for a run that assigns groups bucket by bucket.
    /// </summary>
    public async Task<(IReadOnlyList<ExperimentDefinition> Applied, IReadOnlyList<string> Errors)> ResolveExperimentsAsync(RunRecord shaped, CancellationToken cancellationToken)
    {
        var (applied, errors) = Resolve(await experiments.LoadAsync(cancellationToken).ConfigureAwait(false), shaped);
        return (applied.Select(a => a.Experiment with { Segment = a.Segment.Id }).ToList(), errors);
    }

    /// <summary>Writes the run's profiles; returns the blob name.</summary>
    public Task<string> SaveProfilesAsync(RunInsightsResult insights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(insights);
        return profiles.WriteAsync(insights.Profiles, cancellationToken);
    }

    /// <summary>Drops a run's profiles (with its generation).</summary>
    public Task DropProfilesAsync(string runId, CancellationToken cancellationToken) => profiles.DeleteAsync(runId, cancellationToken);

    private (List<(ExperimentDefinition Experiment, SegmentRef Segment)> Applied, List<string> Errors) Resolve(ExperimentDefinitionSet definitions, RunRecord run)
    {
        var errors = definitions.Errors.ToList();
        var applied = new List<(ExperimentDefinition, SegmentRef)>();
        var bySegment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var experiment in definitions.Experiments)
        {
            var (segment, candidates) = SegmentRef.Resolve(experiment.Segment, run);
            if (segment is null)
            {
                errors.Add(candidates.Count > 1
                    ? $"experiment '{experiment.Name}': segment '{experiment.Segment}' is ambiguous; use one of {string.Join(", ", candidates.Select(c => c.Id))}"
                    : $"experiment '{experiment.Name}': '{experiment.Segment}' is not a segment of this run (see GET /api/segments)");
            }
            else if (!bySegment.TryAdd(segment.Id, experiment.Name))
            {
                errors.Add($"experiment '{experiment.Name}': segment {segment.Id} already has experiment '{bySegment[segment.Id]}'; one experiment per segment");
            }
            else
            {
                applied.Add((experiment, segment));
            }
        }

        if (applied.Count > 0 && string.IsNullOrEmpty(experimentOptions.Value.HashKey))
        {
            errors.Add($"setting Segments:Experiments:HashKey is not set, so no groups were assigned (experiments {string.Join(", ", applied.Select(a => $"'{a.Item1.Name}'"))})");
            applied.Clear();
        }

        return (applied, errors);
    }

    private (Dictionary<string, List<ExperimentAssignment>> Assigned, List<ExperimentSummary> Summaries) Assign(
        List<(ExperimentDefinition Experiment, SegmentRef Segment)> applied,
        Dictionary<string, List<string>> members)
    {
        var assigned = new Dictionary<string, List<ExperimentAssignment>>(StringComparer.Ordinal);
        var summaries = new List<ExperimentSummary>();
        if (applied.Count == 0)
        {
            return (assigned, summaries);
        }

        var assigner = new ControlGroupAssigner(experimentOptions.Value.HashKey!);
        foreach (var (experiment, segment) in applied)
        {
            var control = 0;
            foreach (var customerId in members[segment.Id])
            {
                var group = assigner.GroupOf(experiment.Name, experiment.ControlShare, customerId);
                control += group == ExperimentGroups.Control ? 1 : 0;
                if (!assigned.TryGetValue(customerId, out var groups))
                {
                    groups = [];
                    assigned.Add(customerId, groups);
                }

                groups.Add(new ExperimentAssignment(segment.Id, experiment.Name, group));
            }

            summaries.Add(new ExperimentSummary(experiment.Name, segment.Id, experiment.ControlShare, control, members[segment.Id].Count - control));
        }

        return (assigned, summaries);
    }
}
