using Segments.Core.Segmentation;

namespace Segments.Core.Scale;

/// <summary>
/// The spend-ranking keys of one or more buckets' customers (the pass between fitting and scoring): the tiers split
/// the whole population by rank of total CLV, which needs the fitted models, so they cannot come from pass 1. Every
/// predicted customer's key is kept (8 bytes and the id each): the boundaries must be exact, ties included.
/// </summary>
public sealed class SpendRanking
{
    private readonly List<SpendRankKey> _keys = [];

    /// <summary>The keys, in the order added.</summary>
    public IReadOnlyList<SpendRankKey> Keys => _keys;

    /// <summary>Adds one customer's key.</summary>
    public void Add(SpendRankKey key) => _keys.Add(key);

    /// <summary>The keys of every part together.</summary>
    public static SpendRanking Merge(IEnumerable<SpendRanking> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var merged = new SpendRanking();
        foreach (var part in parts)
        {
            merged._keys.AddRange(part._keys);
        }

        return merged;
    }

    /// <summary>The boundaries of the tiers over every key.</summary>
    public SpendTierCuts Cuts()
    {
        var sorted = _keys.ToArray();
        Array.Sort(sorted);
        var n = sorted.LongLength;
        var high = SpendTierCuts.CountWithin(n, CustomerValueFields.HighTierShare);
        var highAndMedium = SpendTierCuts.CountWithin(n, CustomerValueFields.MediumTierCumulativeShare);
        return new SpendTierCuts(
            n,
            high > 0 ? sorted[high - 1] : null,
            highAndMedium > high ? sorted[highAndMedium - 1] : null);
    }
}
