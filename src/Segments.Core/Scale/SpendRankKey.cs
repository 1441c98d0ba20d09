namespace Segments.Core.Scale;

/// <summary>
/// A customer's place in the spend-tier ranking: higher value first (total CLV, historic where there is no
/// predicted CLV), ties by customer id (ordinal), as <see cref="Segmentation.CustomerValueFields.Tiers"/> ranks.
/// </summary>
public readonly record struct SpendRankKey(double Value, string CustomerId) : IComparable<SpendRankKey>
{
    /// <summary>Negative when this key ranks before (is more valuable than) <paramref name="other"/>.</summary>
    public int CompareTo(SpendRankKey other)
    {
        var c = other.Value.CompareTo(Value);
        return c != 0 ? c : string.CompareOrdinal(CustomerId, other.CustomerId);
    }
}
