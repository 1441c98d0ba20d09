namespace Segments.Core.Events;

/// <summary>A customer's events over the trailing window [D−Days, D−1], by canonical name.</summary>
/// <param name="Days">The window's length in days.</param>
/// <param name="Events">Events per canonical name (<c>Product Viewed</c> …); names without events are absent.</param>
public sealed record BehaviourWindow(int Days, IReadOnlyDictionary<string, int> Events);
