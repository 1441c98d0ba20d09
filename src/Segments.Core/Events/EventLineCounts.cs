using Segments.Core.Ingest;

namespace Segments.Core.Events;

/// <summary>What counting an events file found (<see cref="EventLinesReader.CountAsync"/>): no events are kept.</summary>
/// <param name="Dialect">The dialect given or detected; null when no line was a JSON object.</param>
/// <param name="Accepted">Lines read as events.</param>
/// <param name="Rejected">Lines rejected.</param>
/// <param name="ByKind">Accepted events per kind (kinds without events are left out).</param>
/// <param name="FirstErrors">The first rejected lines, in file order, as many as were asked for.</param>
public sealed record EventLineCounts(EventDialect? Dialect, long Accepted, long Rejected, IReadOnlyDictionary<EventKind, long> ByKind, IReadOnlyList<RowError> FirstErrors)
{
    /// <summary>Non-blank lines read.</summary>
    public long Lines => Accepted + Rejected;
}
