using Segments.Core.Rfm;

namespace Segments.Core.Lifecycle;

/// <summary>The lifecycle stages of one customer base as of a date, with the thresholds used.</summary>
public sealed record LifecycleAssessment(DateOnly AsOf, LifecycleThresholds Thresholds, IReadOnlyList<CustomerLifecycle> Customers)
{
    /// <summary>Customers per stage, every stage listed (zero when empty), in stage order, by display name.</summary>
    public IReadOnlyList<SegmentCount> CountByStage()
    {
        var counts = Customers.GroupBy(c => c.Stage).ToDictionary(g => g.Key, g => g.Count());
        return LifecycleStageNames.All
            .Select(stage => new SegmentCount(LifecycleStageNames.NameOf(stage), counts.GetValueOrDefault(stage)))
            .ToList();
    }
}
