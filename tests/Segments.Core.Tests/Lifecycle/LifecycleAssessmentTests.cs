using Segments.Core.Lifecycle;
using Segments.Core.Rfm;

namespace Segments.Core.Tests.Lifecycle;

public class LifecycleAssessmentTests
{
    [Fact]
    public void CountByStage_lists_every_stage_in_order_with_zeros()
    {
        // Arrange
        CustomerLifecycle[] customers =
        [
            new("A", LifecycleStage.Active, 100, 3, 4),
            new("B", LifecycleStage.Active, 90, 10, 2),
            new("C", LifecycleStage.OneTime, 200, 200, 1),
        ];
        var assessment = new LifecycleAssessment(new DateOnly(2011, 12, 10), LifecycleThresholds.ConventionalFallback, customers);

        // Act
        var counts = assessment.CountByStage();

        // Assert
        SegmentCount[] expected =
        [
            new("New", 0), new("Active", 2), new("At Risk", 0), new("Lapsed", 0), new("Lost", 0),
            new("Reactivated", 0), new("One-time", 1),
        ];
        Assert.Equal(expected, counts);
    }
}
