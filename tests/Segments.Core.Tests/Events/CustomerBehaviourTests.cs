using Segments.Core.Events;

namespace Segments.Core.Tests.Events;

public class CustomerBehaviourTests
{
    [Fact]
    public void Lookup_view_counts_events_by_canonical_name_per_window_with_the_cart()
    {
        // Arrange
        var result = Ev.Segment(
        [
            Ev.Viewed(2, "u1"),
            Ev.Added(1, "u1", value: 30, quantity: 2, product: "P1"),
            Ev.Make(EventKind.PageViewed, 20, user: "u1"),
        ]);
        var cart = result.Memberships.Single(m => m.Segment == BehaviourSegment.CartAbandoners).Cart;

        // Act
        var view = CustomerBehaviour.From(result.Facts["u1"], cart);

        // Assert
        Assert.Equal(Ev.At(1), view.LastSeen);
        Assert.Equal(new Dictionary<string, int> { ["Product Viewed"] = 1, ["Product Added"] = 1 }, view.Windows[0].Events);
        Assert.Equal(new Dictionary<string, int> { ["Product Viewed"] = 1, ["Product Added"] = 1, ["Page Viewed"] = 1 }, view.Windows[1].Events);
        Assert.Equal((30m, 2), (view.AbandonedCart!.Value, view.AbandonedCart.Items));
    }
}
