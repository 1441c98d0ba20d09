using Segments.Core.Events;

namespace Segments.Core.Tests.Events;

public class BrowseAbandonersTests
{
    [Fact]
    public void Two_views_in_the_window_and_nothing_added_make_a_browse_abandoner()
    {
        // Arrange
        var events = new[] { Ev.Viewed(7, "u1", "P1", hour: 0), Ev.Viewed(2, "u1", "P2"), Ev.Viewed(2, "u1", "P2", hour: 13) };

        // Act
        var result = Ev.Segment(events);

        // Assert
        var member = Ev.Membership(result, "u1", BehaviourSegment.BrowseAbandoners)!;
        Assert.Equal("viewed products 3 times in the last 7 days (2 distinct), the last 2 days ago; nothing added to the cart, no order since", member.Explanation);
        Assert.Null(member.Cart);
    }

    [Fact]
    public void One_view_in_the_window_is_not_enough_when_the_other_is_before_D_minus_7()
    {
        // Arrange
        var events = new[] { Ev.Viewed(8, "u1", hour: 23), Ev.Viewed(1, "u1") };

        // Act
        var result = Ev.Segment(events);

        // Assert
        Assert.Null(Ev.Membership(result, "u1", BehaviourSegment.BrowseAbandoners));
    }

    [Fact]
    public void An_add_in_the_window_makes_a_cart_abandoner_not_a_browse_abandoner()
    {
        // Arrange
        var events = new[] { Ev.Viewed(3, "u1"), Ev.Viewed(2, "u1"), Ev.Added(6, "u1", value: 5, quantity: 1, product: "P1") };

        // Act
        var result = Ev.Segment(events);

        // Assert
        Assert.Null(Ev.Membership(result, "u1", BehaviourSegment.BrowseAbandoners));
        Assert.NotNull(Ev.Membership(result, "u1", BehaviourSegment.CartAbandoners));
    }

    [Fact]
    public void An_order_on_the_day_of_the_latest_view_means_no_browse_abandonment_but_an_older_one_does_not()
    {
        // Arrange
        var events = new[] { Ev.Viewed(4, "u1"), Ev.Viewed(3, "u1", hour: 20), Ev.Viewed(4, "u2"), Ev.Viewed(3, "u2", hour: 20) };

        // Act
        var result = Ev.Segment(events, [Ev.Order("u1", 3, hour: 1), Ev.Order("u2", 4, hour: 23)]);

        // Assert
        Assert.Equal(["u2"], result.CustomersIn(BehaviourSegment.BrowseAbandoners));
    }
}
