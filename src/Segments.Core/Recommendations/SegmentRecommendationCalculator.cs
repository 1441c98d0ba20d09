namespace Segments.Core.Recommendations;

/// <summary>
/// The products a segment's members are most likely to buy next: those in the most members' own top lists (a
/// product recommended to 40% of At Risk customers is the win-back offer), ties broken by the better mean rank.
/// </summary>
public static class SegmentRecommendationCalculator
{
    /// <summary>The top <paramref name="top"/> products over <paramref name="members"/>' recommendations.</summary>
    public static IReadOnlyList<SegmentRecommendation> For(IEnumerable<CustomerRecommendations> members, int top)
    {
        ArgumentNullException.ThrowIfNull(members);
        var tally = new SegmentRecommendationTally();
        foreach (var member in members)
        {
            tally.Add(member);
        }

        return tally.Top(top);
    }
}
