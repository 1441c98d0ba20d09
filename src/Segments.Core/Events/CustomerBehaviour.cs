namespace Segments.Core.Events;

/// <summary>
/// What a run keeps of one customer's behaviour for lookups (<c>GET /api/customers/{id}</c>, its <c>behaviour</c>
/// object): when they were last seen, their events per canonical name over each fact window, and the abandoned cart.
/// </summary>
/// <param name="LastSeen">Their latest event before the run date (UTC).</param>
/// <param name="Windows">Counts per canonical event name, one per configured window (7, 30, 90 days by default), shortest first.</param>
/// <param name="AbandonedCart">The cart they left, when they are a cart abandoner; otherwise null.</param>
public sealed record CustomerBehaviour(DateTimeOffset LastSeen, IReadOnlyList<BehaviourWindow> Windows, AbandonedCart? AbandonedCart)
{
    /// <summary>The lookup's view of a customer's facts and cart.</summary>
    public static CustomerBehaviour From(BehaviourFacts facts, AbandonedCart? cart)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new(
            facts.LastSeen,
            facts.Windows.Select(w => new BehaviourWindow(w.Days, w.ByKind.OrderBy(k => k.Key).ToDictionary(k => CanonicalEventNames.Of(k.Key), k => k.Value, StringComparer.Ordinal))).ToList(),
            cart);
    }
}
