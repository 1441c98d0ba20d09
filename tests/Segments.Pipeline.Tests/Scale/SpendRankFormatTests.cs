using Segments.Core.Scale;
using Segments.Pipeline.Scale;

namespace Segments.Pipeline.Tests.Scale;

public class SpendRankFormatTests
{
    [Fact]
    public void A_ranking_round_trips_to_the_bit_with_its_ids()
    {
        var ranking = new SpendRanking();
        ranking.Add(new SpendRankKey(0.1 + 0.2, "17850"));
        ranking.Add(new SpendRankKey(-0.0, "Ünïcode-1"));
        ranking.Add(new SpendRankKey(1e308, ""));

        var read = SpendRankFormat.RankingFromBytes(SpendRankFormat.ToBytes(ranking), "test");

        Assert.Equal(ranking.Keys, read.Keys);
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(read.Keys[1].Value));
        Assert.Equal(ranking.Cuts(), read.Cuts());
    }

    [Fact]
    public void Tier_cuts_round_trip_with_and_without_boundaries()
    {
        var both = new SpendTierCuts(10, new SpendRankKey(120.5, "a"), new SpendRankKey(30.25, "b"));
        var none = new SpendTierCuts(0, null, null);

        Assert.Equal(both, SpendRankFormat.CutsFromBytes(SpendRankFormat.ToBytes(both), "test"));
        Assert.Equal(none, SpendRankFormat.CutsFromBytes(SpendRankFormat.ToBytes(none), "test"));
    }

    [Fact]
    public void Bytes_of_another_version_are_refused_naming_their_source()
    {
        var error = Assert.Throws<InvalidDataException>(() => SpendRankFormat.RankingFromBytes([9, 0, 0, 0], "runs/r1/ranking/bucket=0003.bin"));

        Assert.Equal("runs/r1/ranking/bucket=0003.bin: not a spend ranking of version 1 (found 9)", error.Message);
    }
}
