namespace Segments.Core.Events;

/// <summary>What a customer's events say as of the run date, for lookups and rules.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="LastSeen">Their latest event before the run date.</param>
/// <param name="Windows">Counts per kind, one per configured window (7, 30, 90 days by default), shortest first.</param>
public sealed record BehaviourFacts(string CustomerId, DateTimeOffset LastSeen, IReadOnlyList<EventCounts> Windows);
