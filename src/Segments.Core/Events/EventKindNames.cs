namespace Segments.Core.Events;

/// <summary>The event names of each dialect that map to a canonical <see cref="EventKind"/>.</summary>
/// <remarks>
/// Segment: the e-commerce spec v2 names (segment.com/docs/connections/spec/ecommerce/v2), compared ignoring case
/// because shops' tracking plans vary in capitalisation. GA4: the recommended e-commerce events
/// (developers.google.com/analytics/devguides/collection/ga4/reference/events), which are lower-case by definition.
/// </remarks>
public static class EventKindNames
{
    private static readonly Dictionary<string, EventKind> SegmentTrack = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Product Viewed"] = EventKind.ProductViewed,
        ["Product Added"] = EventKind.ProductAdded,
        ["Checkout Started"] = EventKind.CheckoutStarted,
        ["Order Completed"] = EventKind.OrderCompleted,
    };

    private static readonly Dictionary<string, EventKind> Ga4Events = new(StringComparer.Ordinal)
    {
        ["view_item"] = EventKind.ProductViewed,
        ["add_to_cart"] = EventKind.ProductAdded,
        ["begin_checkout"] = EventKind.CheckoutStarted,
        ["purchase"] = EventKind.OrderCompleted,
        ["page_view"] = EventKind.PageViewed,
        ["screen_view"] = EventKind.PageViewed,
    };

    /// <summary>The kind of a Segment <c>track</c> event by its name.</summary>
    public static EventKind ForSegmentTrack(string eventName) =>
        SegmentTrack.TryGetValue(eventName.Trim(), out var kind) ? kind : EventKind.Other;

    /// <summary>The kind of a GA4 <c>event_name</c>.</summary>
    public static EventKind ForGa4(string eventName) => Ga4Events.TryGetValue(eventName, out var kind) ? kind : EventKind.Other;
}
