using Segments.Core.Segmentation;

namespace Segments.Core.Scale;

/// <summary>
/// The spend tiers of a ranking of <see cref="Ranked"/> customers as two boundary keys: the last customer in
/// <c>high</c> and the last in <c>medium</c>. A customer's tier follows from comparing their key with these, so a
/// bucket is tiered exactly as <see cref="CustomerValueFields.Tiers"/> tiers the whole population.
/// </summary>
/// <param name="Ranked">Customers ranked (those with a prediction).</param>
/// <param name="LastHigh">The lowest-ranked customer in <c>high</c>; null when no customer is.</param>
/// <param name="LastMedium">The lowest-ranked customer in <c>medium</c>; null when no customer is.</param>
public sealed record SpendTierCuts(long Ranked, SpendRankKey? LastHigh, SpendRankKey? LastMedium)
{
    /// <summary>The tier of the customer ranked at <paramref name="key"/>.</summary>
    public string TierOf(SpendRankKey key) =>
        LastHigh is { } high && key.CompareTo(high) <= 0 ? "high"
        : LastMedium is { } medium && key.CompareTo(medium) <= 0 ? "medium"
        : "low";

    /// <summary>
    /// How many of <paramref name="ranked"/> customers are in the tiers up to a cumulative <paramref name="share"/>:
    /// the largest i + 1 with (i + 1) / n ≤ share, in the same double arithmetic as the whole-population ranking.
    /// </summary>
    public static long CountWithin(long ranked, double share)
    {
        var count = Math.Min(ranked, (long)Math.Floor(share * ranked) + 2);
        while (count > 0 && count / (double)ranked > share)
        {
            count--;
        }

        return count;
    }
}
