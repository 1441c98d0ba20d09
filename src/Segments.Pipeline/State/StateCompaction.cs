namespace Segments.Pipeline.State;

/// <summary>
/// When a merge folds a customer bucket's (or an index partition's) deltas into a new base file instead of adding one
/// more delta: when the deltas would number more than <see cref="MaxDeltas"/> (a read opens base + deltas, so this
/// bounds the files a run reads per bucket), or when what they hold (lines and replaced order ids; index rows) reaches
/// <see cref="MaxDeltaShare"/> of the base (so that a base of n lines is rewritten once per n × share lines added:
/// the rewrite is amortised over the days that made it necessary). A bucket without a base is always written as one.
/// </summary>
/// <param name="MaxDeltas">Deltas a bucket or partition may have; one more folds them into the base.</param>
/// <param name="MaxDeltaShare">Deltas' size, relative to the base, that folds them into it.</param>
public sealed record StateCompaction(int MaxDeltas, double MaxDeltaShare)
{
    /// <summary>
    /// At most 8 deltas (a run reads at most 9 files per bucket and pass) and a quarter of the base: a daily merge
    /// writes one small delta per bucket on seven days of eight, and folds each bucket on the eighth or sooner.
    /// </summary>
    public static StateCompaction Default { get; } = new(8, 0.25);

    /// <summary>Whether <paramref name="deltas"/> existing deltas holding <paramref name="pending"/> (the new one's included) fold into a base of <paramref name="baseSize"/>.</summary>
    public bool Folds(bool hasBase, int deltas, long pending, long baseSize) =>
        !hasBase || deltas + 1 > MaxDeltas || pending >= MaxDeltaShare * baseSize;
}
