using Segments.Core.Profiles;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Recompute;

/// <summary>Counts, per segment, the members a campaign may contact on each channel (see <see cref="MarketingConsent"/>).</summary>
public static class SegmentReachCounter
{
    /// <summary>
    /// One count per segment of <paramref name="members"/> (segment id to member ids), in its order; members
    /// without a row in <paramref name="rows"/> count as not consented.
    /// </summary>
    public static IReadOnlyList<SegmentReach> Count(IEnumerable<KeyValuePair<string, List<string>>> members, IReadOnlyList<CustomerSegmentRow> rows)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(rows);
        var consent = rows.Where(r => r.Profile is not null).ToDictionary(r => r.CustomerId, r => MarketingConsent.Of(r.Profile), StringComparer.Ordinal);
        return members.Select(segment =>
        {
            var (email, sms) = (0, 0);
            foreach (var id in segment.Value)
            {
                if (consent.TryGetValue(id, out var given))
                {
                    email += given.Email ? 1 : 0;
                    sms += given.Sms ? 1 : 0;
                }
            }

            return new SegmentReach(segment.Key, email, sms);
        }).ToList();
    }
}
