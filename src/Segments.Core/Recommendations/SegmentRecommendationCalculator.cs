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
        var counted = new Dictionary<string, (int Members, long RankSum)>(StringComparer.Ordinal);
        var size = 0;
        foreach (var member in members)
        {
            size++;
            foreach (var item in member.Items)
            {
                var (count, ranks) = counted.GetValueOrDefault(item.Product);
                counted[item.Product] = (count + 1, ranks + item.Rank);
            }
        }

        return counted
            .Select(p => (Product: p.Key, p.Value.Members, AverageRank: (double)p.Value.RankSum / p.Value.Members))
            .OrderByDescending(p => p.Members)
            .ThenBy(p => p.AverageRank)
            .ThenBy(p => p.Product, StringComparer.Ordinal)
            .Take(top)
            .Select((p, i) => new SegmentRecommendation(i + 1, p.Product, p.Members, Math.Round((double)p.Members / size, 4), Math.Round(p.AverageRank, 2)))
            .ToList();
    }
}
