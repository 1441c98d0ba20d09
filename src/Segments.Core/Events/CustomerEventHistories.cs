using Segments.Core.Products;

namespace Segments.Core.Events;

/// <summary>Builds every identified customer's <see cref="CustomerEventHistory"/> in one call, for the run and the CLI.</summary>
public static class CustomerEventHistories
{
    /// <summary>
    /// Per customer id, the history of the customer's resolved events before <see cref="BehaviourResult.AsOf"/> with
    /// the memberships of <paramref name="behaviour"/>. Anonymous events are left out; a customer without events
    /// has no entry (rules count zero events for them).
    /// </summary>
    public static IReadOnlyDictionary<string, CustomerEventHistory> Build(
        BehaviourResult behaviour,
        IReadOnlyList<ResolvedEvent> events,
        ProductCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(behaviour);
        ArgumentNullException.ThrowIfNull(events);
        var categories = ProductCategories.From(catalog);
        var memberships = behaviour.Memberships
            .GroupBy(m => m.CustomerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<BehaviourMembership>)g.ToList(), StringComparer.Ordinal);
        return events
            .Where(e => e.CustomerId is not null && e.Event.Day < behaviour.AsOf)
            .GroupBy(e => e.CustomerId!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new CustomerEventHistory(g.Key, g.Select(e => e.Event), memberships.GetValueOrDefault(g.Key) ?? [], categories),
                StringComparer.Ordinal);
    }
}
