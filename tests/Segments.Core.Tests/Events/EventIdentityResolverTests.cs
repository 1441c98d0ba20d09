using Segments.Core.Events;

namespace Segments.Core.Tests.Events;

public class EventIdentityResolverTests
{
    [Fact]
    public void An_anonymous_id_linked_later_credits_its_earlier_events_to_the_user()
    {
        // Arrange
        var events = new[]
        {
            Ev.Make(EventKind.ProductViewed, 5, anonymous: "a1"),
            Ev.Make(EventKind.ProductAdded, 4, anonymous: "a1"),
            Ev.Make(EventKind.Identify, 2, user: "u1", anonymous: "a1"),
            Ev.Make(EventKind.PageViewed, 1, anonymous: "a2"),
        };

        // Act
        var resolved = EventIdentityResolver.Resolve(events, Ev.AsOf);

        // Assert
        Assert.Equal(["u1", "u1", "u1", null], resolved.Select(r => r.CustomerId));
    }

    [Fact]
    public void The_latest_link_before_the_run_date_wins_and_links_on_or_after_it_do_not_count()
    {
        // Arrange: a shared device, first signed in as u1, then as u2; u3 signs in on D itself.
        var events = new[]
        {
            Ev.Make(EventKind.PageViewed, 6, anonymous: "shared"),
            Ev.Make(EventKind.Identify, 5, user: "u1", anonymous: "shared"),
            Ev.Make(EventKind.PageViewed, 4, user: "u2", anonymous: "shared"),
            Ev.Make(EventKind.Identify, 0, user: "u3", anonymous: "shared"),
        };

        // Act
        var resolved = EventIdentityResolver.Resolve(events, Ev.AsOf);

        // Assert
        Assert.Equal(3, resolved.Count);
        Assert.Equal(["u2", "u1", "u2"], resolved.Select(r => r.CustomerId));
    }

    [Fact]
    public void A_message_id_delivered_twice_counts_once()
    {
        // Arrange
        var events = new[]
        {
            Ev.Make(EventKind.ProductAdded, 2, user: "u1", messageId: "m1", value: 10),
            Ev.Make(EventKind.ProductAdded, 2, user: "u1", messageId: "m1", value: 10),
            Ev.Make(EventKind.ProductAdded, 2, user: "u1", messageId: "m2", value: 10),
            Ev.Make(EventKind.ProductAdded, 2, user: "u1", value: 10),
            Ev.Make(EventKind.ProductAdded, 2, user: "u1", value: 10),
        };

        // Act
        var resolved = EventIdentityResolver.Resolve(events, Ev.AsOf);

        // Assert: m1 once, m2 once, and both events without a messageId.
        Assert.Equal(4, resolved.Count);
        Assert.Equal(["m1", "m2", null, null], resolved.Select(r => r.Event.MessageId));
    }
}
