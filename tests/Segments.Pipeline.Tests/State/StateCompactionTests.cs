using Segments.Pipeline.State;

namespace Segments.Pipeline.Tests.State;

public sealed class StateCompactionTests
{
    [Theory]
    [InlineData(true, 0, 10, 1_000, false)]   // a small day on a large base: a delta
    [InlineData(true, 7, 240, 1_000, false)]  // the eighth delta, under a quarter of the base
    [InlineData(true, 8, 10, 1_000, true)]    // a ninth delta would pass the count
    [InlineData(true, 3, 250, 1_000, true)]   // the deltas reach a quarter of the base
    [InlineData(false, 0, 1, 0, true)]        // no base yet: written as one
    public void A_bucket_folds_its_deltas_past_eight_or_a_quarter_of_its_base(bool hasBase, int deltas, long pending, long baseSize, bool folds)
    {
        Assert.Equal(folds, StateCompaction.Default.Folds(hasBase, deltas, pending, baseSize));
    }
}
