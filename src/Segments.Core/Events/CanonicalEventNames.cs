namespace Segments.Core.Events;

/// <summary>
/// The name each canonical <see cref="EventKind"/> is shown under: the Segment e-commerce spec v2 names, which the
/// GA4 events map onto, so a count reads the same whichever tool recorded it.
/// </summary>
public static class CanonicalEventNames
{
    /// <summary>The shown name of a kind (<c>Product Added</c>, <c>Page Viewed</c>, <c>Identify</c>, <c>Other</c>).</summary>
    public static string Of(EventKind kind) => kind switch
    {
        EventKind.ProductViewed => "Product Viewed",
        EventKind.ProductAdded => "Product Added",
        EventKind.CheckoutStarted => "Checkout Started",
        EventKind.OrderCompleted => "Order Completed",
        EventKind.PageViewed => "Page Viewed",
        EventKind.Identify => "Identify",
        _ => "Other",
    };
}
