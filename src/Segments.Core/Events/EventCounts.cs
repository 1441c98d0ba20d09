namespace Segments.Core.Events;

/// <summary>A customer's events per canonical kind over the trailing window [D−Days, D−1].</summary>
/// <param name="Days">The window's length in days.</param>
/// <param name="ByKind">Events per kind; kinds without events are absent.</param>
public sealed record EventCounts(int Days, IReadOnlyDictionary<EventKind, int> ByKind)
{
    /// <summary>The count of one kind (0 when none).</summary>
    public int Of(EventKind kind) => ByKind.TryGetValue(kind, out var count) ? count : 0;
}
