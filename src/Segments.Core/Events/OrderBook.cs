namespace Segments.Core.Events;

/// <summary>
/// Every customer's orders before the run date, from order exports and <c>Order Completed</c> events together,
/// each order id once (the export's record first, since it is the shop's own book).
/// </summary>
public sealed class OrderBook
{
    private static readonly IReadOnlyList<CustomerOrder> NoOrders = [];
    private readonly Dictionary<string, List<CustomerOrder>> _byCustomer;

    private OrderBook(Dictionary<string, List<CustomerOrder>> byCustomer) => _byCustomer = byCustomer;

    /// <summary>Builds the book from exported orders and the resolved events' <c>Order Completed</c> events of identified customers.</summary>
    public static OrderBook Build(IEnumerable<CustomerOrder> exported, IEnumerable<ResolvedEvent> events, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(exported);
        ArgumentNullException.ThrowIfNull(events);
        var seenOrderIds = new HashSet<string>(StringComparer.Ordinal);
        var byCustomer = new Dictionary<string, List<CustomerOrder>>(StringComparer.Ordinal);
        var fromEvents = events
            .Where(e => e is { CustomerId: not null, Event.Kind: EventKind.OrderCompleted })
            .Select(e => new CustomerOrder(e.CustomerId!, e.Event.OrderId, e.Event.Timestamp));
        foreach (var order in exported.Concat(fromEvents))
        {
            if (order.Day >= asOf || (order.OrderId is not null && !seenOrderIds.Add(order.OrderId)))
            {
                continue;
            }

            if (!byCustomer.TryGetValue(order.CustomerId, out var orders))
            {
                byCustomer[order.CustomerId] = orders = [];
            }

            orders.Add(order);
        }

        foreach (var orders in byCustomer.Values)
        {
            orders.Sort((a, b) => a.PlacedAt.CompareTo(b.PlacedAt));
        }

        return new OrderBook(byCustomer);
    }

    /// <summary>A customer's orders, oldest first.</summary>
    public IReadOnlyList<CustomerOrder> For(string customerId) => _byCustomer.TryGetValue(customerId, out var orders) ? orders : NoOrders;
}
