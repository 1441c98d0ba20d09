using Segments.Core.Ingest;

namespace Segments.Core.Events;

/// <summary>Everything read from one events file.</summary>
/// <param name="Dialect">The dialect given or detected; null when no line was a JSON object.</param>
/// <param name="Events">The events read, in file order.</param>
/// <param name="Errors">The rejected lines, in file order.</param>
public sealed record EventFileResult(EventDialect? Dialect, IReadOnlyList<BehaviourEvent> Events, IReadOnlyList<RowError> Errors)
{
    /// <summary>Non-blank lines read.</summary>
    public long Lines => Events.Count + Errors.Count;
}
