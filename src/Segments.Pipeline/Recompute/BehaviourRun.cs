using Segments.Core.Events;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Recompute;

/// <summary>What the behaviour stage found for one run, and how it goes into the generation's rows and the run's record.</summary>
/// <param name="Result">Memberships, facts and anonymous visitors as of the run's date; null without events.</param>
/// <param name="Events">The de-duplicated events before the run's date, each with its customer (for event rules).</param>
/// <param name="BatchesRead">Events batches read.</param>
internal sealed record BehaviourRun(BehaviourResult? Result, IReadOnlyList<ResolvedEvent> Events, int BatchesRead)
{
    private readonly ILookup<string, BehaviourMembership> _byCustomer =
        (Result?.Memberships ?? []).ToLookup(m => m.CustomerId, StringComparer.Ordinal);

    /// <summary>No events batch was accepted: no behaviour family at all.</summary>
    public static BehaviourRun None { get; } = new(null, [], 0);

    /// <summary>Per identified customer, what their events say (for rule inputs); empty without events.</summary>
    public IReadOnlyDictionary<string, BehaviourFacts> Facts => Result?.Facts ?? new Dictionary<string, BehaviourFacts>();

    /// <summary>Customers per behaviour segment, every segment listed (0 when empty); none without events.</summary>
    public IReadOnlyList<SegmentSize> Sizes => Result is null
        ? []
        : Enum.GetValues<BehaviourSegment>().Select(s => new SegmentSize(BehaviourSegmentNames.Name(s), Result.CustomersIn(s).Count())).ToList();

    /// <summary>The row with the customer's behaviour segments, their explanations and their facts.</summary>
    public CustomerSegmentRow Annotate(CustomerSegmentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (Result is null || !Result.Facts.TryGetValue(row.CustomerId, out var facts))
        {
            return row;
        }

        var memberships = _byCustomer[row.CustomerId].ToList();
        return row with
        {
            BehaviourSegments = memberships.Select(m => BehaviourSegmentNames.Name(m.Segment)).ToList(),
            BehaviourExplanations = memberships.ToDictionary(m => BehaviourSegmentNames.Name(m.Segment), m => m.Explanation, StringComparer.Ordinal),
            Behaviour = CustomerBehaviour.From(facts, memberships.FirstOrDefault(m => m.Cart is not null)?.Cart),
        };
    }

    /// <summary>
    /// The scored rows, each with its behaviour, followed by rows for the customers known only from events (prospects
    /// and other identified visitors without an order): with no order to measure their RFM fields are empty and they
    /// are in no order-based segment, but they are looked up, listed and counted in reach like every other customer.
    /// </summary>
    public IReadOnlyList<CustomerSegmentRow> WithCustomersWithoutOrders(IEnumerable<CustomerSegmentRow> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var rows = scored.Select(Annotate).ToList();
        if (Result is null)
        {
            return rows;
        }

        var known = rows.Select(r => r.CustomerId).ToHashSet(StringComparer.Ordinal);
        rows.AddRange(Result.Facts.Keys
            .Where(id => !known.Contains(id))
            .Order(StringComparer.Ordinal)
            .Select(id => Annotate(new CustomerSegmentRow(id, 0, 0, 0m, 0, 0, 0, string.Empty, string.Empty, string.Empty))));
        return rows;
    }
}
