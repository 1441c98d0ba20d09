using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

/// <summary>P(alive) of the three purchase models, at the CDNOW estimates of each.</summary>
public sealed class ProbabilityAliveTests
{
    private static readonly BgNbdModel BgNbd = new(0.243, 4.414, 0.793, 2.426);
    private static readonly MbgNbdModel MbgNbd = new(0.525, 6.183, 0.891, 1.614);
    private static readonly ParetoNbdModel ParetoNbd = new(0.553, 10.578, 0.606, 11.669);

    public static TheoryData<string> Models => ["bgnbd", "mbgnbd", "paretonbd"];

    [Fact]
    public void BgNbd_one_time_buyer_is_certainly_alive()
    {
        // BG/NBD customers can only leave after a repeat purchase.
        Assert.Equal(1.0, BgNbd.ProbabilityAlive(new CustomerHistory(0, 0, 38.86)));
    }

    [Fact]
    public void MbgNbd_one_time_buyer_may_have_left()
    {
        var alive = MbgNbd.ProbabilityAlive(new CustomerHistory(0, 0, 38.86));

        // 1 / (1 + a/b · ((α + T)/α)^r), by hand.
        Assert.InRange(alive, 0.01, 0.99);
        Assert.Equal(1 / (1 + (0.891 / 1.614 * Math.Pow((6.183 + 38.86) / 6.183, 0.525))), alive, 12);
    }

    [Fact]
    public void ParetoNbd_one_time_buyer_may_have_left()
    {
        Assert.InRange(ParetoNbd.ProbabilityAlive(new CustomerHistory(0, 0, 38.86)), 0.01, 0.99);
    }

    [Fact]
    public void BgNbd_repeat_buyer_matches_the_note_by_hand()
    {
        // 1 / (1 + a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x)) for x = 2, t_x = 30.43, T = 38.86.
        var expected = 1 / (1 + (0.793 / (2.426 + 1) * Math.Pow((4.414 + 38.86) / (4.414 + 30.43), 2.243)));

        Assert.Equal(expected, BgNbd.ProbabilityAlive(new CustomerHistory(2, 30.43, 38.86)), 12);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_purchase_at_the_end_of_calibration_is_the_most_alive(string name)
    {
        var model = ModelNamed(name);

        var recent = model.ProbabilityAlive(new CustomerHistory(4, 38, 38));
        var lapsed = model.ProbabilityAlive(new CustomerHistory(4, 10, 38));

        Assert.True(recent > lapsed, $"{recent} <= {lapsed}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Probability_stays_within_0_and_1_for_extreme_histories(string name)
    {
        var model = ModelNamed(name);
        foreach (var x in new[] { 0, 1, 10, 100, 1000 })
        {
            foreach (var (recency, age) in new[] { (0.0, 0.0), (0.0, 500.0), (1.0, 500.0), (499.0, 500.0), (500.0, 500.0) })
            {
                var alive = model.ProbabilityAlive(new CustomerHistory(x, x == 0 ? 0 : recency, age));
                Assert.InRange(alive, 0.0, 1.0);
            }
        }
    }

    private static IPurchaseModel ModelNamed(string name) => name switch
    {
        "bgnbd" => BgNbd,
        "mbgnbd" => MbgNbd,
        _ => ParetoNbd,
    };
}
