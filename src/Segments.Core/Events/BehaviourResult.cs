namespace Segments.Core.Events;

/// <summary>The behaviour segments and facts as of one run date.</summary>
/// <param name="AsOf">The run date D; only events and orders of earlier UTC days counted.</param>
/// <param name="Memberships">Every customer in every behaviour segment, ordered by segment then customer id.</param>
/// <param name="Facts">Per identified customer with events, by customer id.</param>
/// <param name="AnonymousVisitors">Distinct anonymous ids whose events stayed anonymous (visitors, never customers).</param>
public sealed record BehaviourResult(
    DateOnly AsOf,
    IReadOnlyList<BehaviourMembership> Memberships,
    IReadOnlyDictionary<string, BehaviourFacts> Facts,
    int AnonymousVisitors)
{
    /// <summary>The customer ids in one segment.</summary>
    public IEnumerable<string> CustomersIn(BehaviourSegment segment) => Memberships.Where(m => m.Segment == segment).Select(m => m.CustomerId);
}
