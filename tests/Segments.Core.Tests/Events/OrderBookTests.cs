using Segments.Core.Events;

namespace Segments.Core.Tests.Events;

public class OrderBookTests
{
    [Fact]
    public void An_order_id_in_an_export_and_an_order_completed_event_counts_once()
    {
        // Arrange
        var resolved = EventIdentityResolver.Resolve(
            [
                Ev.Make(EventKind.OrderCompleted, 3, user: "u1", orderId: "O1", hour: 14),
                Ev.Make(EventKind.OrderCompleted, 2, user: "u1", orderId: "O2"),
                Ev.Make(EventKind.OrderCompleted, 2, user: "u1"),
                Ev.Make(EventKind.OrderCompleted, 2, anonymous: "guest", orderId: "O4"),
                Ev.Make(EventKind.OrderCompleted, 0, user: "u1", orderId: "O5"),
            ],
            Ev.AsOf);

        // Act
        var book = OrderBook.Build([Ev.Order("u1", 3, hour: 13, orderId: "O1")], resolved, Ev.AsOf);

        // Assert: O1 from the export, O2, the event without an order id; not the guest's, not D's.
        Assert.Equal([Ev.At(3, 13), Ev.At(2), Ev.At(2)], book.For("u1").Select(o => o.PlacedAt));
        Assert.Equal(["O1", "O2", null], book.For("u1").Select(o => o.OrderId));
        Assert.Empty(book.For("guest"));
    }
}
