namespace Segments.Core.Events;

/// <summary>
/// Counts a message once however often it was delivered: Segment's delivery is at-least-once and its SDKs retry,
/// so a <c>messageId</c> already seen is dropped. Events without one (GA4) are all kept; their re-exports are
/// handled by <see cref="SourceDayReplacement"/>.
/// </summary>
public static class MessageDeduplicator
{
    /// <summary>The events in order, each <see cref="BehaviourEvent.MessageId"/> at its first occurrence only.</summary>
    public static IEnumerable<BehaviourEvent> FirstOfEachMessage(IEnumerable<BehaviourEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in events)
        {
            if (item.MessageId is null || seen.Add(item.MessageId))
            {
                yield return item;
            }
        }
    }
}
