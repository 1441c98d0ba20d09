using Segments.Core.Segmentation;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Recompute;

/// <summary>The segment lists a run record holds, from one computation's result.</summary>
public static class RunSegmentSizes
{
    /// <summary>
    /// <paramref name="run"/> with the RFM segments, lifecycle stages, clusters and rule segments of
    /// <paramref name="result"/> and their sizes: what the run record stores and what <see cref="Queries.SegmentRef.InRun"/> names.
    /// </summary>
    public static RunRecord WithSegmentSizes(this RunRecord run, SegmentationResult result)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(result);
        return run with
        {
            Segments = result.Rfm.CountBySegment().Select(s => new SegmentSize(s.Name, s.Customers)).ToList(),
            LifecycleStages = result.Lifecycle.CountByStage().Select(s => new SegmentSize(s.Name, s.Customers)).ToList(),
            Clusters = result.Clusters.Clusters,
            RuleSegments = result.RuleSegmentCounts.Select(s => new SegmentSize(s.Name, s.Customers)).ToList(),
        };
    }
}
