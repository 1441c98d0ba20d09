using Segments.Pipeline.State;

namespace Segments.Pipeline.Tests.State;

public sealed class StateCompactionTests
{
    [Theory]
    [InlineData(1, 10, true, 0, 10, 1_000, false)]   // a small day on a large base: a delta
    [InlineData(1, 10, true, 7, 240, 1_000, false)]  // the eighth delta, under a quarter of the base
    [InlineData(1, 10, true, 8, 10, 1_000, true)]    // a ninth delta would pass the count
    [InlineData(1, 10, true, 3, 250, 1_000, true)]   // the deltas reach a quarter of the base
    [InlineData(8, 10, true, 3, 10, 1_000, true)]    // bucket 8's turn after 10 batches: (10 + 8) mod 9 = 0
    [InlineData(8, 10, true, 0, 10, 1_000, true)]    // its turn, though it has no deltas yet
    [InlineData(8, 11, true, 3, 10, 1_000, false)]   // not its turn
    [InlineData(1, 10, false, 0, 1, 0, true)]        // no base yet: written as one
    public void A_bucket_folds_its_deltas_past_eight_or_a_quarter_of_its_base_or_on_its_turn(int part, long merge, bool hasBase, int deltas, long pending, long baseSize, bool folds)
    {
        Assert.Equal(folds, StateCompaction.Default.Folds(part, merge, hasBase, deltas, pending, baseSize));
    }

    [Fact]
    public void Daily_merges_fold_a_few_buckets_each_day_not_all_on_one()
    {
        // Arrange: 64 buckets, each touched by every daily merge with a day far smaller than its base.
        var compaction = StateCompaction.Default;
        var deltas = new int[64];
        var foldsByDay = new List<int>();

        // Act: a year of daily merges.
        for (var day = 0; day < 365; day++)
        {
            var folded = 0;
            for (var bucket = 0; bucket < deltas.Length; bucket++)
            {
                if (compaction.Folds(bucket, merge: 1 + day, hasBase: true, deltas[bucket], pending: deltas[bucket] + 1, baseSize: 1_000_000))
                {
                    deltas[bucket] = 0;
                    folded++;
                }
                else
                {
                    deltas[bucket]++;
                }
            }

            foldsByDay.Add(folded);
        }

        // Assert: every bucket folds within nine days, and each day folds a ninth of them (the count alone folded all
        // 64 on every ninth day).
        Assert.Equal(64, foldsByDay.Take(9).Sum());
        Assert.InRange(foldsByDay.Min(), 7, 8);
        Assert.InRange(foldsByDay.Max(), 7, 8);
        Assert.All(deltas, d => Assert.InRange(d, 0, 8));
    }
}
