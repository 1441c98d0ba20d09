using Segments.Core.Events;
using Segments.Core.Rules;

namespace Segments.Core.Segmentation;

/// <summary>
/// The customers events name that the order models did not score (prospects and other visitors who signed in but
/// never bought), with the rule segments they match: rules see only their behaviour attributes and event counts.
/// </summary>
public static class EventOnlyCustomers
{
    /// <summary>Per customer in <paramref name="histories"/> but not in <paramref name="scored"/>, ordered by id.</summary>
    public static IReadOnlyList<EventOnlyCustomer> Evaluate(
        IReadOnlyList<RuleSegment> rules,
        IReadOnlyDictionary<string, CustomerEventHistory> histories,
        SegmentationResult scored)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(scored);
        var scoredIds = scored.Customers.Select(c => c.CustomerId).ToHashSet(StringComparer.Ordinal);
        return histories
            .Where(h => !scoredIds.Contains(h.Key))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h =>
            {
                var profile = new CustomerFacts(h.Key) { AsOf = scored.AsOf, Events = h.Value }.ToProfile();
                return new EventOnlyCustomer(h.Key, h.Value, rules.Where(r => r.Matches(profile, scored.AsOf)).Select(r => r.Name).ToList());
            })
            .ToList();
    }
}
