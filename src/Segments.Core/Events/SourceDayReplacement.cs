namespace Segments.Core.Events;

/// <summary>
/// A GA4 day re-exported later replaces that day, never doubles it: GA4 rewrites a day's <c>events_YYYYMMDD</c>
/// table for up to 3 days as late hits arrive, so each export of a day is the whole day again. For every
/// <see cref="BehaviourEvent.SourceDay"/> only the events of the latest batch holding that day are kept.
/// </summary>
public static class SourceDayReplacement
{
    /// <summary>All events of all batches, except those of a source day that a later batch exported again.</summary>
    public static IEnumerable<BehaviourEvent> LatestOfEachDay(IEnumerable<EventBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var ordered = batches.OrderBy(b => b.Sequence).ToList();
        var latest = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var batch in ordered)
        {
            foreach (var item in batch.Events)
            {
                if (item.SourceDay is not null)
                {
                    latest[item.SourceDay] = batch.Sequence;
                }
            }
        }

        return ordered.SelectMany(batch => batch.Events.Where(e => e.SourceDay is null || latest[e.SourceDay] == batch.Sequence));
    }
}
