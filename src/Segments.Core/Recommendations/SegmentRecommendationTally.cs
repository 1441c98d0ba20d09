namespace Segments.Core.Recommendations;

/// <summary>
/// <see cref="SegmentRecommendationCalculator"/> in parts: per product, the members whose list holds it and the sum of
/// its ranks there, and the members counted. Counts and sums add up, so the tallies of customer buckets merge
/// (<see cref="Add(SegmentRecommendationTally)"/>) into the whole segment's, and <see cref="Top"/> gives what the
/// calculator gives over every member.
/// </summary>
public sealed class SegmentRecommendationTally
{
    private readonly Dictionary<string, (int Members, long RankSum)> _counted = new(StringComparer.Ordinal);

    /// <summary>Members counted.</summary>
    public int Size { get; private set; }

    /// <summary>Per product: members whose list holds it, and the sum of its ranks in them.</summary>
    public IReadOnlyDictionary<string, (int Members, long RankSum)> Products => _counted;

    /// <summary>Counts one member's list.</summary>
    public void Add(CustomerRecommendations member)
    {
        ArgumentNullException.ThrowIfNull(member);
        Size++;
        foreach (var item in member.Items)
        {
            var (count, ranks) = _counted.GetValueOrDefault(item.Product);
            _counted[item.Product] = (count + 1, ranks + item.Rank);
        }
    }

    /// <summary>Adds another tally of other members (another bucket's).</summary>
    public void Add(SegmentRecommendationTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Size += other.Size;
        foreach (var (product, (members, rankSum)) in other._counted)
        {
            var (count, ranks) = _counted.GetValueOrDefault(product);
            _counted[product] = (count + members, ranks + rankSum);
        }
    }

    /// <summary>Adds the counts of a stored tally: <paramref name="size"/> members and per product its counts.</summary>
    public void Add(int size, IEnumerable<KeyValuePair<string, (int Members, long RankSum)>> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        Size += size;
        foreach (var (product, (members, rankSum)) in products)
        {
            var (count, ranks) = _counted.GetValueOrDefault(product);
            _counted[product] = (count + members, ranks + rankSum);
        }
    }

    /// <summary>The top <paramref name="top"/> products: in the most members' lists, then the better mean rank, then code.</summary>
    public IReadOnlyList<SegmentRecommendation> Top(int top) =>
        _counted
            .Select(p => (Product: p.Key, p.Value.Members, AverageRank: (double)p.Value.RankSum / p.Value.Members))
            .OrderByDescending(p => p.Members)
            .ThenBy(p => p.AverageRank)
            .ThenBy(p => p.Product, StringComparer.Ordinal)
            .Take(top)
            .Select((p, i) => new SegmentRecommendation(i + 1, p.Product, p.Members, Math.Round((double)p.Members / Size, 4), Math.Round(p.AverageRank, 2)))
            .ToList();
}
