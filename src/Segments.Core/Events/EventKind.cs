namespace Segments.Core.Events;

/// <summary>
/// What a behaviour event means, whatever tool recorded it: the Segment e-commerce spec v2 names and the GA4
/// recommended events map onto these (see <see cref="EventKindNames"/>).
/// </summary>
public enum EventKind
{
    /// <summary>Segment <c>Product Viewed</c>, GA4 <c>view_item</c>.</summary>
    ProductViewed,

    /// <summary>Segment <c>Product Added</c>, GA4 <c>add_to_cart</c>.</summary>
    ProductAdded,

    /// <summary>Segment <c>Checkout Started</c>, GA4 <c>begin_checkout</c>.</summary>
    CheckoutStarted,

    /// <summary>Segment <c>Order Completed</c>, GA4 <c>purchase</c>.</summary>
    OrderCompleted,

    /// <summary>Segment <c>page</c> and <c>screen</c> calls, GA4 <c>page_view</c> and <c>screen_view</c>.</summary>
    PageViewed,

    /// <summary>Segment <c>identify</c> calls.</summary>
    Identify,

    /// <summary>Any other event; it still counts as activity (last seen, prospects).</summary>
    Other,
}
