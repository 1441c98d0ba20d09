namespace Segments.Pipeline.State;

/// <summary>
/// When a merge folds a customer bucket's (or an index partition's) deltas into a new base file instead of adding one
/// more delta: when the deltas would number more than <see cref="MaxDeltas"/> (a read opens base + deltas, so this
/// bounds the files a run reads per bucket), or when what they hold (lines and replaced order ids; index rows) reaches
/// <see cref="MaxDeltaShare"/> of the base (so that a base of n lines is rewritten once per n × share lines added:
/// the rewrite is amortised over the days that made it necessary), or, when <see cref="Staggered"/>, on the part's own
/// turn. A bucket without a base is always written as one.
/// </summary>
/// <param name="MaxDeltas">Deltas a bucket or partition may have; one more folds them into the base.</param>
/// <param name="MaxDeltaShare">Deltas' size, relative to the base, that folds them into it.</param>
/// <param name="Staggered">
/// Whether a part also folds on its turn: when (merge + part) is a multiple of <see cref="MaxDeltas"/> + 1, where merge
/// counts the batches merged before (with or without deltas, so that a part's turns stay the same merges apart).
/// Daily merges touch nearly every bucket every day, so with the count alone every bucket reached it on the same day,
/// and every ninth merge rewrote the whole state; by turns, about a ninth of the parts fold on each merge.
/// </param>
public sealed record StateCompaction(int MaxDeltas, double MaxDeltaShare, bool Staggered = false)
{
    /// <summary>
    /// At most 8 deltas (a run reads at most 9 files per bucket and pass), a quarter of the base, by turns: a daily
    /// merge writes one small delta per bucket it touches and folds about a ninth of them.
    /// </summary>
    public static StateCompaction Default { get; } = new(8, 0.25, Staggered: true);

    /// <summary>
    /// Whether part <paramref name="part"/> (bucket or index partition), with <paramref name="deltas"/> existing deltas
    /// holding <paramref name="pending"/> (the new one's included), folds into a base of <paramref name="baseSize"/>
    /// in the merge that follows <paramref name="merge"/> merged batches.
    /// </summary>
    public bool Folds(int part, long merge, bool hasBase, int deltas, long pending, long baseSize) =>
        !hasBase
        || deltas + 1 > MaxDeltas
        || pending >= MaxDeltaShare * baseSize
        || (Staggered && (merge + part) % (MaxDeltas + 1) == 0);
}
