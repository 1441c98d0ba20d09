namespace Segments.Core.Events;

/// <summary>An event with the customer it belongs to after identity resolution.</summary>
/// <param name="CustomerId">The customer, or null when the event stays anonymous (a visitor, never a customer).</param>
/// <param name="Event">The event.</param>
public sealed record ResolvedEvent(string? CustomerId, BehaviourEvent Event);
