namespace Segments.Core.Events;

/// <summary>What a run (or <c>segments analyze --events</c>) makes of its events as of one date.</summary>
/// <param name="Resolved">The counted events (GA4 days replaced, each message once, days before D) with their customers.</param>
/// <param name="Behaviour">The behaviour segments and facts.</param>
/// <param name="Histories">Per identified customer, the input of event rules (<see cref="CustomerEventHistory"/>).</param>
public sealed record BehaviourAnalysis(
    IReadOnlyList<ResolvedEvent> Resolved,
    BehaviourResult Behaviour,
    IReadOnlyDictionary<string, CustomerEventHistory> Histories);
