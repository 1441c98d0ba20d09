using Segments.Core.Events;

namespace Segments.Cli.Commands;

/// <summary>The canonical event names reports use (the Segment e-commerce spec v2 names).</summary>
internal static class EventKindDisplay
{
    public static string Name(EventKind kind) => kind switch
    {
        EventKind.ProductViewed => "Product Viewed",
        EventKind.ProductAdded => "Product Added",
        EventKind.CheckoutStarted => "Checkout Started",
        EventKind.OrderCompleted => "Order Completed",
        EventKind.PageViewed => "Page Viewed",
        EventKind.Identify => "Identify",
        _ => "other",
    };
}
