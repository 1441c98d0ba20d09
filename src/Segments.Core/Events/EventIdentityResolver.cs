namespace Segments.Core.Events;

/// <summary>
/// Gives each event before the run date its customer: its own <c>userId</c>; else the <c>userId</c> its
/// <c>anonymousId</c> was most recently linked to by any message carrying both (the latest link before the run date
/// wins and applies to that anonymousId's earlier events too, so a visitor who signs in later is credited with the
/// browsing that led there); else none. Each <c>messageId</c> counts once.
/// </summary>
public static class EventIdentityResolver
{
    /// <summary>The de-duplicated events of UTC days before <paramref name="asOf"/>, each with its customer.</summary>
    public static IReadOnlyList<ResolvedEvent> Resolve(IEnumerable<BehaviourEvent> events, DateOnly asOf)
    {
        var counted = MessageDeduplicator.FirstOfEachMessage(events).Where(e => e.Day < asOf).ToList();
        var links = new Dictionary<string, (DateTimeOffset At, string UserId)>(StringComparer.Ordinal);
        foreach (var item in counted)
        {
            // On equal timestamps the later message in input order wins, so a file's own order settles ties.
            if (item is { UserId: { } userId, AnonymousId: { } anonymousId }
                && (!links.TryGetValue(anonymousId, out var link) || item.Timestamp >= link.At))
            {
                links[anonymousId] = (item.Timestamp, userId);
            }
        }

        return counted
            .Select(item => new ResolvedEvent(
                item.UserId ?? (item.AnonymousId is { } anonymousId && links.TryGetValue(anonymousId, out var link) ? link.UserId : null),
                item))
            .ToList();
    }
}
