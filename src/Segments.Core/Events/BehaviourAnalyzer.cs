using Segments.Core.Products;
using Segments.Core.Transactions;

namespace Segments.Core.Events;

/// <summary>
/// The events half of a run in one place, in the order docs/behaviour-events.md defines it: a GA4 day re-exported
/// replaces that day (<see cref="SourceDayReplacement"/>), identities resolve and each message counts once
/// (<see cref="EventIdentityResolver"/>), orders come from the exports and <c>Order Completed</c> events
/// (<see cref="OrderBook"/>), then the behaviour segments and each customer's event history.
/// </summary>
public static class BehaviourAnalyzer
{
    /// <summary>Analyses <paramref name="batches"/> (files in arrival order) with the exported orders, as of <paramref name="asOf"/>.</summary>
    public static BehaviourAnalysis Analyze(
        IEnumerable<EventBatch> batches,
        IEnumerable<CustomerOrder> exportedOrders,
        DateOnly asOf,
        BehaviourSettings settings,
        ProductCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(exportedOrders);
        ArgumentNullException.ThrowIfNull(settings);
        var resolved = EventIdentityResolver.Resolve(SourceDayReplacement.LatestOfEachDay(batches), asOf);
        var book = OrderBook.Build(exportedOrders, resolved, asOf);
        var behaviour = new BehaviourSegmenter(settings).Compute(resolved, book, asOf);
        return new BehaviourAnalysis(resolved, behaviour, CustomerEventHistories.Build(behaviour, resolved, catalog));
    }

    /// <summary>
    /// The <c>Order Completed</c> events of identified customers as order lines for the order models (RFM, lifecycle,
    /// predictions), one per order id that no export holds (<paramref name="exportedOrderIds"/>), so that a customer
    /// who bought only through the tracked site is scored too. The line's amount is the event's total (0 without one).
    /// An event without an order id is an order of its own.
    /// </summary>
    public static IEnumerable<TransactionLine> OrderLines(IEnumerable<ResolvedEvent> resolved, IReadOnlySet<string> exportedOrderIds)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(exportedOrderIds);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var anonymousOrders = 0;
        foreach (var (customerId, item) in resolved)
        {
            if (customerId is null || item.Kind != EventKind.OrderCompleted)
            {
                continue;
            }

            var orderId = item.OrderId ?? item.MessageId ?? $"event-order-{++anonymousOrders}";
            if (exportedOrderIds.Contains(orderId) || !seen.Add(orderId))
            {
                continue;
            }

            yield return new TransactionLine(customerId, orderId, item.Day, item.Value ?? 0m, string.Empty, IsCancellation: false);
        }
    }
}
