using Segments.Core.Lifecycle;
using Segments.Core.Rfm;
using Segments.Core.Rules;
using Segments.Core.Scale;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Scale;

/// <summary>
/// A bucketed run's segment lists before any customer is counted: every segment the run can fill, in the order the
/// run lists them, with size 0. The whole-population run lists every segment of a family whether or not it has
/// members (RFM segments, lifecycle stages, the fitted clusters, every rule), so each bucket's worker knows every
/// segment id (<see cref="Queries.SegmentRef.InRun"/>) from the model alone, as the whole-population insights do.
/// </summary>
internal static class BucketSegmentFrame
{
    /// <summary>
    /// <paramref name="run"/> with the lists <see cref="Recompute.RunSegmentSizes.WithSegmentSizes"/> would give, sizes 0.
    /// Its predictions are left as they are: the run's insights name the segments of the queued record, which has none.
    /// </summary>
    public static RunRecord Of(RunRecord run, PopulationModel model, IReadOnlyList<RuleSegment> rules) =>
        run with
        {
            Segments = RfmSegmentTable.SegmentNames.Select(n => new SegmentSize(n, 0)).ToList(),
            LifecycleStages = LifecycleStageNames.All.Select(s => new SegmentSize(LifecycleStageNames.NameOf(s), 0)).ToList(),
            Clusters = model.Clusters.Clusters.Select(c => c with { Size = 0 }).ToList(),
            RuleSegments = rules.Select(r => new SegmentSize(r.Name, 0)).ToList(),
            BehaviourSegments = [],
        };
}
