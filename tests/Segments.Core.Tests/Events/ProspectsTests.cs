using Segments.Core.Events;

namespace Segments.Core.Tests.Events;

public class ProspectsTests
{
    [Fact]
    public void An_identified_customer_seen_in_30_days_who_never_ordered_is_a_prospect()
    {
        // Arrange
        var events = new[]
        {
            Ev.Make(EventKind.PageViewed, 30, user: "u1", hour: 0),
            Ev.Make(EventKind.Identify, 12, user: "u1"),
            Ev.Make(EventKind.PageViewed, 31, user: "u2", hour: 23),
            Ev.Make(EventKind.PageViewed, 2, anonymous: "a1"),
        };

        // Act
        var result = Ev.Segment(events);

        // Assert
        Assert.Equal(["u1"], result.CustomersIn(BehaviourSegment.Prospects));
        Assert.Equal("seen 2 times in the last 30 days, the last 12 days ago; no order yet", Ev.Membership(result, "u1", BehaviourSegment.Prospects)!.Explanation);
    }

    [Fact]
    public void Any_order_before_D_from_an_export_or_an_event_ends_being_a_prospect_but_one_on_D_does_not()
    {
        // Arrange
        var events = new[]
        {
            Ev.Make(EventKind.PageViewed, 3, user: "exported"),
            Ev.Make(EventKind.PageViewed, 3, user: "evented"),
            Ev.Make(EventKind.OrderCompleted, 200, user: "evented", orderId: "O2"),
            Ev.Make(EventKind.PageViewed, 3, user: "today"),
        };

        // Act
        var result = Ev.Segment(events, [Ev.Order("exported", 400, orderId: "O1"), Ev.Order("today", 0, hour: 1, orderId: "O3")]);

        // Assert
        Assert.Equal(["today"], result.CustomersIn(BehaviourSegment.Prospects));
    }
}
