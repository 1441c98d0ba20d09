namespace Segments.Core.Events;

/// <summary>One JSON object read as an event, or which field was wrong and why.</summary>
internal readonly record struct EventParseOutcome(BehaviourEvent? Event, string Column, string Value, string Reason)
{
    public static EventParseOutcome Read(BehaviourEvent value) => new(value, string.Empty, string.Empty, string.Empty);

    public static EventParseOutcome Wrong(string column, string value, string reason) => new(null, column, value, reason);
}
