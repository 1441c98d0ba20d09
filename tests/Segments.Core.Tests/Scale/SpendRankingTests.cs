using Segments.Core.Scale;

namespace Segments.Core.Tests.Scale;

public class SpendRankingTests
{
    [Fact]
    public void Tiers_split_ties_by_customer_id_as_the_whole_population_ranking_does()
    {
        // Arrange: ten customers, four tied at 50; the top 20% are two customers, the next 30% three.
        var ranking = new SpendRanking();
        foreach (var (value, id) in new[] { (90.0, "j"), (50, "d"), (50, "b"), (50, "c"), (50, "a"), (10, "e"), (10, "f"), (5, "g"), (0, "h"), (0, "i") })
        {
            ranking.Add(new SpendRankKey(value, id));
        }

        // Act
        var cuts = SpendRanking.FromBytes(ranking.ToBytes(), "ranking.bin").Cuts();

        // Assert: j, a high; b, c, d medium; the rest low.
        Assert.Equal(new SpendRankKey(50, "a"), cuts.LastHigh);
        Assert.Equal(new SpendRankKey(50, "d"), cuts.LastMedium);
        var tiers = new[] { "j", "a", "b", "c", "d", "e" }.Select(id => cuts.TierOf(ranking.Keys.Single(k => k.CustomerId == id))).ToList();
        Assert.Equal(["high", "high", "medium", "medium", "medium", "low"], tiers);
        var whole = Core.Segmentation.CustomerValueFields.Tiers(ranking.Keys.Select(k => (k.CustomerId, new Core.Segmentation.CustomerPrediction(0.5, 0, 0, 0, null, null) { HistoricClv = k.Value })));
        Assert.All(ranking.Keys, k => Assert.Equal(whole[k.CustomerId], cuts.TierOf(k)));
    }

    [Fact]
    public void A_cut_short_ranking_is_refused()
    {
        // Arrange
        var ranking = new SpendRanking();
        ranking.Add(new SpendRankKey(1, "x"));
        var bytes = ranking.ToBytes();

        // Act
        var error = Assert.Throws<InvalidDataException>(() => SpendRanking.FromBytes(bytes[..^2], "b03.rank"));

        // Assert
        Assert.Equal("b03.rank: the spend ranking is cut short.", error.Message);
    }
}
