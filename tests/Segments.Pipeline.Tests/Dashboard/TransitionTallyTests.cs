using Segments.Pipeline.Dashboard;

namespace Segments.Pipeline.Tests.Dashboard;

public class TransitionTallyTests
{
    [Fact]
    public void Tally_counts_moves_stays_new_and_gone_customers()
    {
        // Arrange: A stays, B and C move Loyal -> At Risk, D is new, E is gone.
        var earlier = new Dictionary<string, string> { ["A"] = "Champions", ["B"] = "Loyal", ["C"] = "Loyal", ["E"] = "Lost" };
        var tally = new TransitionTally(earlier);

        // Act
        tally.Add("A", "Champions");
        tally.Add("B", "At Risk");
        tally.Add("C", "At Risk");
        tally.Add("D", "New Customers");
        var movement = new SegmentMovement("r1", new DateOnly(2024, 1, 1), "r2", new DateOnly(2024, 2, 1), [], tally.Transitions());

        // Assert
        Assert.Equal(new SegmentTransition("Loyal", "At Risk", 2), movement.Transitions[0]);
        Assert.Contains(new SegmentTransition(null, "New Customers", 1), movement.Transitions);
        Assert.Contains(new SegmentTransition("Lost", null, 1), movement.Transitions);
        Assert.Equal((1, 2, 1, 1), (movement.Stayed, movement.Moved, movement.New, movement.Left));
    }
}
