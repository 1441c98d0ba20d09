using System.Globalization;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Queries;

/// <summary>What one run says about one segment: its size, and the family name a customer row holds.</summary>
public static class SegmentFamily
{
    /// <summary>Customers in <paramref name="segment"/> according to <paramref name="run"/>'s ledger row; 0 when the run did not have it.</summary>
    public static int SizeIn(SegmentRef segment, RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(run);
        return segment.Kind switch
        {
            SegmentKind.Rfm => Size(run.Segments, segment.Name),
            SegmentKind.Lifecycle => Size(run.LifecycleStages, segment.Name),
            SegmentKind.Cluster => run.Clusters.FirstOrDefault(c => c.Cluster.ToString(CultureInfo.InvariantCulture) == segment.Name)?.Size ?? 0,
            SegmentKind.Behaviour => Size(run.BehaviourSegments, segment.Name),
            _ => Size(run.RuleSegments, segment.Name),
        };
    }

    /// <summary>
    /// The segment of the same family the row is in (its RFM segment, lifecycle stage or cluster), so that a
    /// change reads "moved from Loyal to At Risk"; null for rule and behaviour segments, which do not partition customers.
    /// </summary>
    public static string? FamilyNameOf(SegmentKind kind, CustomerSegmentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return kind switch
        {
            SegmentKind.Rfm => row.Segment,
            SegmentKind.Lifecycle => row.LifecycleStage,
            SegmentKind.Cluster => row.Cluster?.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static int Size(IEnumerable<SegmentSize> sizes, string name) =>
        sizes.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal))?.Customers ?? 0;
}
