using Segments.Core.Events;

namespace Segments.Core.Tests.Events;

public class CartAbandonersTests
{
    [Fact]
    public void Adds_in_the_window_without_a_later_order_make_a_cart_abandoner_with_value_products_and_explanation()
    {
        // Arrange
        var events = new[]
        {
            Ev.Added(4, "u1", value: 50, quantity: 1, product: "P1"),
            Ev.Added(3, "u1", value: 35, quantity: 1, product: "P2"),
        };

        // Act
        var result = Ev.Segment(events);

        // Assert
        var member = Ev.Membership(result, "u1", BehaviourSegment.CartAbandoners);
        Assert.NotNull(member);
        Assert.Equal("added 2 items worth 85.00 to the cart 3 days ago; no order since", member.Explanation);
        Assert.Equal(85m, member.Cart!.Value);
        Assert.Equal(2, member.Cart.Items);
        Assert.Equal(["P1", "P2"], member.Cart.ProductIds);
        Assert.Equal(Ev.At(3), member.Cart.LastActivity);
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(8, false)]
    [InlineData(1, true)]
    [InlineData(0, false)]
    public void The_window_is_the_days_from_D_minus_7_to_D_minus_1(int daysBefore, bool member)
    {
        // Arrange
        var events = new[] { Ev.Added(daysBefore, "u1", value: 10, quantity: 1, product: "P1", hour: daysBefore == 7 ? 0 : 23) };

        // Act
        var result = Ev.Segment(events);

        // Assert
        Assert.Equal(member, Ev.Membership(result, "u1", BehaviourSegment.CartAbandoners) is not null);
    }

    [Fact]
    public void An_order_on_the_day_of_the_last_add_even_earlier_that_day_means_no_abandonment()
    {
        // Arrange
        var events = new[] { Ev.Added(3, "u1", value: 10, quantity: 1, product: "P1", hour: 18) };

        // Act
        var result = Ev.Segment(events, [Ev.Order("u1", 3, hour: 9)]);

        // Assert
        Assert.Null(Ev.Membership(result, "u1", BehaviourSegment.CartAbandoners));
    }

    [Fact]
    public void An_order_completed_event_counts_as_an_order_like_an_exported_one()
    {
        // Arrange
        var events = new[]
        {
            Ev.Added(3, "u1", value: 10, quantity: 1, product: "P1", hour: 10),
            Ev.Make(EventKind.OrderCompleted, 3, user: "u1", hour: 11, orderId: "O1", value: 10),
        };

        // Act
        var result = Ev.Segment(events);

        // Assert
        Assert.Empty(result.Memberships);
    }

    [Fact]
    public void The_cart_holds_only_the_adds_after_the_last_order()
    {
        // Arrange: ordered on D−5 after adding P1 that morning; added P2 and P3 afterwards and left.
        var events = new[]
        {
            Ev.Added(6, "u1", value: 99, quantity: 1, product: "P0"),
            Ev.Added(5, "u1", value: 20, quantity: 1, product: "P1", hour: 8),
            Ev.Added(5, "u1", value: 12.5m, quantity: 1, product: "P2", hour: 20),
            Ev.Added(2, "u1", value: 30, quantity: 3, product: "P3"),
        };

        // Act
        var result = Ev.Segment(events, [Ev.Order("u1", 5, hour: 9)]);

        // Assert
        var cart = Ev.Membership(result, "u1", BehaviourSegment.CartAbandoners)!.Cart!;
        Assert.Equal(42.5m, cart.Value);
        Assert.Equal(4, cart.Items);
        Assert.Equal(["P2", "P3"], cart.ProductIds);
    }

    [Fact]
    public void A_checkout_started_alone_is_abandonment_and_says_so()
    {
        // Arrange
        var events = new[] { Ev.Make(EventKind.CheckoutStarted, 1, user: "u1", value: 70) };

        // Act
        var result = Ev.Segment(events);

        // Assert
        var member = Ev.Membership(result, "u1", BehaviourSegment.CartAbandoners)!;
        Assert.Equal("started checkout 1 day ago; no order since", member.Explanation);
        Assert.Equal(0m, member.Cart!.Value);
    }

    [Fact]
    public void An_anonymous_cart_is_never_a_customer_until_its_anonymous_id_is_linked()
    {
        // Arrange
        var anonymous = new[] { Ev.Make(EventKind.ProductAdded, 3, anonymous: "a1", value: 10, quantity: 1) };
        var linked = anonymous.Append(Ev.Make(EventKind.Identify, 1, user: "u9", anonymous: "a1")).ToArray();

        // Act
        var before = Ev.Segment(anonymous);
        var after = Ev.Segment(linked);

        // Assert
        Assert.Empty(before.Memberships);
        Assert.Equal(1, before.AnonymousVisitors);
        Assert.Equal("added 1 item worth 10.00 to the cart 3 days ago; no order since", Ev.Membership(after, "u9", BehaviourSegment.CartAbandoners)!.Explanation);
        Assert.Equal(0, after.AnonymousVisitors);
    }

    [Fact]
    public void The_window_is_a_setting()
    {
        // Arrange
        var events = new[] { Ev.Added(10, "u1", value: 10, quantity: 1, product: "P1") };

        // Act
        var result = Ev.Segment(events, settings: new BehaviourSettings { AbandonmentWindowDays = 14 });

        // Assert
        Assert.NotNull(Ev.Membership(result, "u1", BehaviourSegment.CartAbandoners));
    }

    [Fact]
    public void A_checkout_after_adds_names_the_cart_it_left()
    {
        // Arrange
        var events = new[]
        {
            Ev.Added(2, "u1", value: 20, quantity: 1, product: "P1", hour: 10),
            Ev.Make(EventKind.CheckoutStarted, 2, user: "u1", hour: 11, value: 20),
        };

        // Act
        var result = Ev.Segment(events);

        // Assert
        Assert.Equal("started checkout 2 days ago with 1 item worth 20.00 in the cart; no order since", Ev.Membership(result, "u1", BehaviourSegment.CartAbandoners)!.Explanation);
    }
}
