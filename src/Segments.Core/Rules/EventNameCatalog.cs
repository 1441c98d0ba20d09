using Segments.Core.Events;

namespace Segments.Core.Rules;

/// <summary>
/// The event names an <c>events(…)</c> condition knows: the canonical names (the Segment e-commerce spec v2 names,
/// <c>Page Viewed</c>, <c>Identify</c>) and the GA4 and Segment call names that map onto them. A name close to
/// one of these but not equal is a typo and an error with a suggestion; any other name is a shop's own event,
/// counted by its raw name.
/// </summary>
internal static class EventNameCatalog
{
    private static readonly Dictionary<string, EventKind> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Product Viewed"] = EventKind.ProductViewed,
        ["Product Added"] = EventKind.ProductAdded,
        ["Checkout Started"] = EventKind.CheckoutStarted,
        ["Order Completed"] = EventKind.OrderCompleted,
        ["Page Viewed"] = EventKind.PageViewed,
        ["Identify"] = EventKind.Identify,
        ["view_item"] = EventKind.ProductViewed,
        ["add_to_cart"] = EventKind.ProductAdded,
        ["begin_checkout"] = EventKind.CheckoutStarted,
        ["purchase"] = EventKind.OrderCompleted,
        ["page_view"] = EventKind.PageViewed,
        ["screen_view"] = EventKind.PageViewed,
        ["page"] = EventKind.PageViewed,
        ["screen"] = EventKind.PageViewed,
    };

    /// <summary>The canonical kind of a known name, or null for a shop's own event.</summary>
    public static EventKind? KindOf(string name) => Known.TryGetValue(name.Trim(), out var kind) ? kind : null;

    /// <summary>
    /// The known name <paramref name="name"/> is probably a typo of (within two edits, ignoring case and spaces'
    /// place), or null when it is known or not close to any.
    /// </summary>
    public static string? TypoOf(string name)
    {
        if (KindOf(name) is not null)
        {
            return null;
        }

        var folded = name.Trim().ToUpperInvariant();
        return Known.Keys
            .Select(known => (known, Distance: EditDistance.Between(folded, known.ToUpperInvariant())))
            .Where(c => c.Distance <= 2 && c.Distance < folded.Length / 2)
            .OrderBy(c => c.Distance)
            .Select(c => c.known)
            .FirstOrDefault();
    }
}
