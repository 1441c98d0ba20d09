using Segments.Core.Events;

namespace Segments.Core.Rules;

/// <summary>Which events an <c>events(…)</c> condition counts: a canonical kind, or a shop's own event by its raw name.</summary>
/// <param name="Name">The name as written in the query.</param>
/// <param name="Kind">The canonical kind the name stands for; null for a shop's own event.</param>
public sealed record EventSelector(string Name, EventKind? Kind)
{
    /// <summary>Whether <paramref name="item"/> is one of the events named.</summary>
    public bool Matches(BehaviourEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Kind is { } kind ? item.Kind == kind : string.Equals(item.Name.Trim(), Name.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
