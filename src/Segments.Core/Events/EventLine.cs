using Segments.Core.Ingest;

namespace Segments.Core.Events;

/// <summary>What one non-blank line of an events file became: an event, or the reason it was rejected.</summary>
/// <param name="Line">1-based physical line number.</param>
/// <param name="Event">The event, when the line was read.</param>
/// <param name="Error">Why the line was rejected, otherwise.</param>
public readonly record struct EventLine(long Line, BehaviourEvent? Event, RowError? Error);
