using Segments.Core.Explanations;

namespace Segments.Core.Events;

/// <summary>The explanation texts of behaviour memberships, numbers written as every other explanation writes them.</summary>
internal static class BehaviourExplanation
{
    public static string CartAbandoned(AbandonedCart cart, EventKind latestKind, int daysAgo)
    {
        var added = cart.Items == 0 ? string.Empty
            : cart.Value > 0 ? $"{Items(cart.Items)} worth {ExplanationNumbers.Money(cart.Value)}"
            : Items(cart.Items);
        return latestKind == EventKind.CheckoutStarted
            ? $"started checkout {Ago(daysAgo)}{(added.Length == 0 ? string.Empty : $" with {added} in the cart")}; no order since"
            : $"added {added} to the cart {Ago(daysAgo)}; no order since";
    }

    public static string BrowseAbandoned(int views, int distinctProducts, int windowDays, int daysAgo) =>
        $"viewed products {Times(views)} in the last {ExplanationNumbers.Days(windowDays)}"
        + (distinctProducts > 0 ? $" ({distinctProducts} distinct)" : string.Empty)
        + $", the last {Ago(daysAgo)}; nothing added to the cart, no order since";

    public static string Prospect(int events, int windowDays, int daysAgo) =>
        $"seen {Times(events)} in the last {ExplanationNumbers.Days(windowDays)}, the last {Ago(daysAgo)}; no order yet";

    private static string Ago(int days) => $"{ExplanationNumbers.Days(days)} ago";

    private static string Items(int items) => $"{ExplanationNumbers.Number((decimal)items)} item{(items == 1 ? string.Empty : "s")}";

    private static string Times(int count) => count == 1 ? "once" : $"{ExplanationNumbers.Number((decimal)count)} times";
}
