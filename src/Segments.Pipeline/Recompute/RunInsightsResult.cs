using Segments.Core.Clustering;
using Segments.Core.Experiments;
using Segments.Core.Rfm;
using Segments.Core.SegmentProfiles;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Recompute;

/// <summary>What <see cref="RunInsights"/> adds to a run before it is written.</summary>
/// <param name="Rows">The customer rows, with each customer's experiment groups.</param>
/// <param name="Profiles">The run's segment profiles.</param>
/// <param name="Experiments">Experiments applied, with group sizes.</param>
/// <param name="ExperimentErrors">Experiments that could not be applied, and why.</param>
/// <param name="CutPoints">The RFM cut points, kept on the run record to explain scores.</param>
/// <param name="ClusterScaling">The clusters' feature scaling, kept on the run record to explain the nearest centroid.</param>
public sealed record RunInsightsResult(
    IReadOnlyList<CustomerSegmentRow> Rows,
    SegmentProfileSet Profiles,
    IReadOnlyList<ExperimentSummary> Experiments,
    IReadOnlyList<string> ExperimentErrors,
    RfmCutPoints CutPoints,
    RfmFeatureScaling ClusterScaling)
{
    /// <summary>Per segment, the members who consented to e-mail and to SMS marketing.</summary>
    public IReadOnlyList<SegmentReach> Reachable { get; init; } = [];

    /// <summary><paramref name="run"/> with the experiments, their errors, the reach, the cut points and the cluster scaling of this result.</summary>
    public RunRecord AddTo(RunRecord run, string? profilesBlob) =>
        run with
        {
            Experiments = Experiments,
            ExperimentErrors = ExperimentErrors,
            Reachable = Reachable,
            SegmentProfilesBlob = profilesBlob,
            RfmCutPoints = CutPoints,
            ClusterScaling = ClusterScaling,
        };
}
