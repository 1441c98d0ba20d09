using Segments.Core.Events;

namespace Segments.Core.Tests.Events;

public class BehaviourFactsTests
{
    [Fact]
    public void Facts_give_last_seen_and_counts_per_kind_over_7_30_and_90_days()
    {
        // Arrange
        var events = new[]
        {
            Ev.Viewed(1, "u1", hour: 8),
            Ev.Viewed(7, "u1", hour: 0),
            Ev.Viewed(8, "u1"),
            Ev.Added(30, "u1", value: 1, quantity: 1, product: "P1"),
            Ev.Make(EventKind.PageViewed, 90, user: "u1"),
            Ev.Make(EventKind.PageViewed, 91, user: "u1"),
            Ev.Make(EventKind.PageViewed, 0, user: "u1"),
        };

        // Act
        var facts = Ev.Segment(events).Facts["u1"];

        // Assert
        Assert.Equal(Ev.At(1, 8), facts.LastSeen);
        Assert.Equal([7, 30, 90], facts.Windows.Select(w => w.Days));
        Assert.Equal((2, 0, 0), (facts.Windows[0].Of(EventKind.ProductViewed), facts.Windows[0].Of(EventKind.ProductAdded), facts.Windows[0].Of(EventKind.PageViewed)));
        Assert.Equal((3, 1, 0), (facts.Windows[1].Of(EventKind.ProductViewed), facts.Windows[1].Of(EventKind.ProductAdded), facts.Windows[1].Of(EventKind.PageViewed)));
        Assert.Equal((3, 1, 1), (facts.Windows[2].Of(EventKind.ProductViewed), facts.Windows[2].Of(EventKind.ProductAdded), facts.Windows[2].Of(EventKind.PageViewed)));
    }
}
