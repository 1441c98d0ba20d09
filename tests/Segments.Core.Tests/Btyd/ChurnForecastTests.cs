using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

/// <summary>Churn probability and the median wait for the next purchase, against hand computations.</summary>
public sealed class ChurnForecastTests
{
    // Fader, Hardie & Lee (2005) CDNOW estimates (weeks) and a customer with x = 2, t_x = 30.43, T = 38.86.
    private static readonly BgNbdModel Cdnow = new(0.243, 4.414, 0.793, 2.426);
    private static readonly CustomerHistory Customer = new(2, 30.43, 38.86);

    [Fact]
    public void Bgnbd_churn_probability_matches_the_formula_worked_by_hand()
    {
        // By hand (Python, double precision), t = 13 weeks:
        // P(alive) = 1 / (1 + 0.793/(2.426 + 2 − 1) · ((4.414 + 38.86)/(4.414 + 30.43))^(0.243 + 2)) = 0.726578570080673
        // ((α + T)/(α + T + t))^(r + x) = (43.274/56.274)^2.243 = 0.5547750073404398
        // churn = (1 − 0.726578570080673) + 0.726578570080673 · 0.5547750073404398 = 0.6765090614692386
        var churn = ChurnForecast.ProbabilityNoPurchase(Cdnow, Customer, 13);

        Assert.Equal(0.6765090614692386, churn!.Value, 12);
    }

    [Fact]
    public void Over_a_very_long_horizon_only_the_chance_of_having_left_remains()
    {
        var churn = ChurnForecast.ProbabilityNoPurchase(Cdnow, Customer, 1e9);

        Assert.Equal(1 - Cdnow.ProbabilityAlive(Customer), churn!.Value, 6);
    }

    [Fact]
    public void The_median_wait_if_alive_is_where_no_purchase_has_probability_one_half()
    {
        // s = (α + T)(2^(1/(r + x)) − 1) = 43.274 · (2^(1/2.243) − 1) = 15.669468476069847 weeks
        var wait = ChurnForecast.MedianTimeToNextPurchaseIfAlive(Cdnow, Customer);

        Assert.Equal(15.669468476069847, wait!.Value, 9);
        Assert.Equal(0.5, Math.Pow(43.274 / (43.274 + wait.Value), 2.243), 12);
    }

    [Fact]
    public void Under_the_nbd_churn_is_the_gamma_poisson_chance_of_no_purchase()
    {
        var nbd = new NbdModel(0.5, 8);

        // (8 + 20)/(8 + 20 + 10) to the power 0.5 + 3
        var churn = ChurnForecast.ProbabilityNoPurchase(nbd, new CustomerHistory(3, 15, 20), 10);

        Assert.Equal(Math.Pow(28.0 / 38.0, 3.5), churn!.Value, 12);
    }

    [Fact]
    public void Pareto_nbd_has_no_churn_form_here()
    {
        Assert.Null(ChurnForecast.ProbabilityNoPurchase(new ParetoNbdModel(0.55, 10.5, 0.6, 11.7), Customer, 13));
    }
}
