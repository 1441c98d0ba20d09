namespace Segments.Core.Events;

/// <summary>
/// One identified customer's events before the run date, oldest first, with the behaviour segments they put the
/// customer in: what event conditions of rule queries (<c>events('Product Viewed', 30d) &gt;= 3</c>) and the
/// behaviour attributes (<c>last_seen</c>, <c>abandoned_cart_value</c>, <c>cart_abandoner</c> …) are evaluated on.
/// Built by <see cref="CustomerEventHistories.Build"/>; the events are shared with the run's list, not copied.
/// </summary>
public sealed class CustomerEventHistory
{
    private readonly BehaviourEvent[] _events;

    /// <summary>Creates a history.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="events">Their events, any order.</param>
    /// <param name="memberships">Their behaviour segment memberships.</param>
    /// <param name="categories">Catalog categories of the products the events name.</param>
    public CustomerEventHistory(string customerId, IEnumerable<BehaviourEvent> events, IReadOnlyList<BehaviourMembership> memberships, ProductCategories categories)
    {
        ArgumentNullException.ThrowIfNull(events);
        CustomerId = customerId;
        _events = events.OrderBy(e => e.Timestamp).ToArray();
        Memberships = memberships;
        Categories = categories;
    }

    /// <summary>The customer.</summary>
    public string CustomerId { get; }

    /// <summary>The events, oldest first.</summary>
    public IReadOnlyList<BehaviourEvent> Events => _events;

    /// <summary>The customer's behaviour segment memberships as of the run date.</summary>
    public IReadOnlyList<BehaviourMembership> Memberships { get; }

    /// <summary>Catalog categories of the products the events name.</summary>
    public ProductCategories Categories { get; }

    /// <summary>The latest event; null without events.</summary>
    public DateTimeOffset? LastSeen => _events.Length > 0 ? _events[^1].Timestamp : null;

    /// <summary>The abandoned cart, when the customer is a cart abandoner.</summary>
    public AbandonedCart? AbandonedCart => Memberships.FirstOrDefault(m => m.Cart is not null)?.Cart;

    /// <summary>Whether the customer is in <paramref name="segment"/>.</summary>
    public bool IsIn(BehaviourSegment segment) => Memberships.Any(m => m.Segment == segment);

    /// <summary>Events that satisfy <paramref name="matches"/> on the UTC days [D − <paramref name="windowDays"/>, D − 1].</summary>
    public int Count(Func<BehaviourEvent, bool> matches, int windowDays, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var from = asOf.AddDays(-windowDays);
        var count = 0;

        // Newest first: the window is a suffix of the history, so the scan stops at its start.
        for (var i = _events.Length - 1; i >= 0; i--)
        {
            var day = _events[i].Day;
            if (day < from)
            {
                break;
            }

            if (day < asOf && matches(_events[i]))
            {
                count++;
            }
        }

        return count;
    }
}
