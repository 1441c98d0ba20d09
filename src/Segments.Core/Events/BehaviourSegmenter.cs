namespace Segments.Core.Events;

/// <summary>
/// The behaviour segments and facts as of run date D, by UTC day, from resolved events (only days before D; see
/// <see cref="EventIdentityResolver"/>) and every customer's orders (<see cref="OrderBook"/>). The definitions are
/// those of docs/behaviour-events.md.
/// </summary>
public sealed class BehaviourSegmenter(BehaviourSettings settings)
{
    /// <summary>Computes memberships, facts and the count of anonymous visitors.</summary>
    public BehaviourResult Compute(IReadOnlyList<ResolvedEvent> events, OrderBook orders, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(orders);
        var memberships = new List<BehaviourMembership>();
        var facts = new Dictionary<string, BehaviourFacts>(StringComparer.Ordinal);
        var counted = events.Where(e => e.Event.Day < asOf).ToList();
        foreach (var customer in counted.Where(e => e.CustomerId is not null).GroupBy(e => e.CustomerId!, StringComparer.Ordinal))
        {
            var own = customer.Select(e => e.Event).OrderBy(e => e.Timestamp).ToList();
            var placed = orders.For(customer.Key);
            facts[customer.Key] = Facts(customer.Key, own, asOf);
            if (CartAbandoned(customer.Key, own, placed, asOf) is { } cart)
            {
                memberships.Add(cart);
            }
            else if (BrowseAbandoned(customer.Key, own, placed, asOf) is { } browse)
            {
                memberships.Add(browse);
            }

            if (Prospect(customer.Key, own, placed, asOf) is { } prospect)
            {
                memberships.Add(prospect);
            }
        }

        var anonymous = counted.Where(e => e.CustomerId is null && e.Event.AnonymousId is not null)
            .Select(e => e.Event.AnonymousId!).Distinct(StringComparer.Ordinal).Count();
        return new BehaviourResult(
            asOf,
            memberships.OrderBy(m => m.Segment).ThenBy(m => m.CustomerId, StringComparer.Ordinal).ToList(),
            facts,
            anonymous);
    }

    /// <summary>
    /// A <c>Product Added</c> or <c>Checkout Started</c> in [D−7, D−1] and no order on or after the day of the latest
    /// such event; the cart is the <c>Product Added</c> events after the last order, within the window.
    /// </summary>
    private BehaviourMembership? CartAbandoned(string customerId, List<BehaviourEvent> own, IReadOnlyList<CustomerOrder> placed, DateOnly asOf)
    {
        var from = asOf.AddDays(-settings.AbandonmentWindowDays);
        var cartActivity = own.Where(e => e.Day >= from && e.Kind is EventKind.ProductAdded or EventKind.CheckoutStarted).ToList();
        if (cartActivity.Count == 0)
        {
            return null;
        }

        var latest = cartActivity[^1];
        if (placed.Any(o => o.Day >= latest.Day))
        {
            return null;
        }

        var lastOrder = placed.Count > 0 ? placed[^1].PlacedAt : DateTimeOffset.MinValue;
        var adds = cartActivity.Where(e => e.Kind == EventKind.ProductAdded && e.Timestamp > lastOrder).ToList();
        var cart = new AbandonedCart(
            adds.Sum(e => e.Value ?? 0),
            adds.Sum(e => e.Quantity),
            adds.SelectMany(e => e.ProductIds).Distinct(StringComparer.Ordinal).ToList(),
            latest.Timestamp);
        var explanation = BehaviourExplanation.CartAbandoned(cart, latest.Kind, asOf.DayNumber - latest.Day.DayNumber);
        return new BehaviourMembership(customerId, BehaviourSegment.CartAbandoners, explanation, cart);
    }

    /// <summary>
    /// At least two <c>Product Viewed</c> in [D−7, D−1], no <c>Product Added</c> or <c>Checkout Started</c> in that
    /// window, and no order on or after the day of the latest view.
    /// </summary>
    private BehaviourMembership? BrowseAbandoned(string customerId, List<BehaviourEvent> own, IReadOnlyList<CustomerOrder> placed, DateOnly asOf)
    {
        var from = asOf.AddDays(-settings.AbandonmentWindowDays);
        var window = own.Where(e => e.Day >= from).ToList();
        var views = window.Where(e => e.Kind == EventKind.ProductViewed).ToList();
        if (views.Count < 2 || window.Any(e => e.Kind is EventKind.ProductAdded or EventKind.CheckoutStarted))
        {
            return null;
        }

        var latest = views[^1];
        if (placed.Any(o => o.Day >= latest.Day))
        {
            return null;
        }

        var distinct = views.SelectMany(e => e.ProductIds).Distinct(StringComparer.Ordinal).Count();
        var explanation = BehaviourExplanation.BrowseAbandoned(views.Count, distinct, settings.AbandonmentWindowDays, asOf.DayNumber - latest.Day.DayNumber);
        return new BehaviourMembership(customerId, BehaviourSegment.BrowseAbandoners, explanation, null);
    }

    /// <summary>An identified customer with any message in [D−30, D−1] and no order ever.</summary>
    private BehaviourMembership? Prospect(string customerId, List<BehaviourEvent> own, IReadOnlyList<CustomerOrder> placed, DateOnly asOf)
    {
        var from = asOf.AddDays(-settings.ProspectWindowDays);
        var window = own.Where(e => e.Day >= from).ToList();
        if (window.Count == 0 || placed.Count > 0)
        {
            return null;
        }

        var explanation = BehaviourExplanation.Prospect(window.Count, settings.ProspectWindowDays, asOf.DayNumber - window[^1].Day.DayNumber);
        return new BehaviourMembership(customerId, BehaviourSegment.Prospects, explanation, null);
    }

    private BehaviourFacts Facts(string customerId, List<BehaviourEvent> own, DateOnly asOf)
    {
        var windows = settings.FactWindowDays.Order().Select(days =>
        {
            var from = asOf.AddDays(-days);
            var byKind = own.Where(e => e.Day >= from).GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());
            return new EventCounts(days, byKind);
        }).ToList();
        return new BehaviourFacts(customerId, own[^1].Timestamp, windows);
    }
}
