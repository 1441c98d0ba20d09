using MathNet.Numerics.Distributions;

namespace Segments.Core.Btyd;

/// <summary>
/// Draws customer histories from the generative stories of the models, for checking that the fitters recover
/// known parameters and for benchmarks. Purchases happen in continuous time, as the models say, and their times are
/// recorded to the nearest day, as real logs record them (so histories repeat and group as real ones do).
/// Purchases are not merged by day here: that is a data-preparation rule, not part of the models, and merging
/// would bias the recovered parameters. Deterministic for a given <see cref="Random"/> seed.
/// </summary>
public static class BtydSimulator
{
    /// <summary>
    /// BG/NBD (Fader, Hardie &amp; Lee 2005, section 2): λ ~ gamma(r, α), p ~ beta(a, b); purchases arrive as a Poisson
    /// process with rate λ and after each repeat purchase the customer leaves with probability p. With
    /// <paramref name="dropoutAtFirstPurchase"/>, the MBG/NBD story: the first purchase is a dropout chance too.
    /// </summary>
    public static CustomerHistory[] BetaGeometric(double r, double alpha, double a, double b, SimulationDesign design, Random random, bool dropoutAtFirstPurchase = false)
    {
        var histories = new CustomerHistory[design.Customers];
        var daysPerUnit = TimeUnits.DaysPer(design.Unit);
        for (var i = 0; i < histories.Length; i++)
        {
            var ageDays = design.CalibrationDays - random.Next(design.CohortDays);
            var rate = Gamma.Sample(random, r, alpha) / daysPerUnit;
            var p = Beta.Sample(random, a, b);
            var alive = !(dropoutAtFirstPurchase && random.NextDouble() < p);
            histories[i] = Walk(rate, ageDays, daysPerUnit, random, p, double.PositiveInfinity, alive);
        }

        return histories;
    }

    /// <summary>
    /// Pareto/NBD (Schmittlein, Morrison &amp; Colombo 1987): λ ~ gamma(r, α), μ ~ gamma(s, β); purchases arrive as a
    /// Poisson process with rate λ until an exponential lifetime with rate μ ends.
    /// </summary>
    public static CustomerHistory[] Pareto(double r, double alpha, double s, double beta, SimulationDesign design, Random random)
    {
        var histories = new CustomerHistory[design.Customers];
        var daysPerUnit = TimeUnits.DaysPer(design.Unit);
        for (var i = 0; i < histories.Length; i++)
        {
            var ageDays = design.CalibrationDays - random.Next(design.CohortDays);
            var rate = Gamma.Sample(random, r, alpha) / daysPerUnit;
            var lifetimeDays = Exponential.Sample(random, Gamma.Sample(random, s, beta)) * daysPerUnit;
            histories[i] = Walk(rate, ageDays, daysPerUnit, random, 0, lifetimeDays, alive: true);
        }

        return histories;
    }

    /// <summary>
    /// Gamma-Gamma (Fader, Hardie &amp; Lee 2005, "RFM and CLV"): ν ~ gamma(q, γ) per customer, each of the x
    /// transactions z ~ gamma(p, ν); returns x with the mean z̄.
    /// </summary>
    public static SpendHistory[] GammaGamma(double p, double q, double gamma, IReadOnlyList<int> repeatPurchases, Random random)
    {
        var result = new SpendHistory[repeatPurchases.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var x = repeatPurchases[i];
            var scale = Gamma.Sample(random, q, gamma);
            var total = 0.0;
            for (var k = 0; k < x; k++)
            {
                total += Gamma.Sample(random, p, scale);
            }

            result[i] = new SpendHistory(x, x > 0 ? total / x : 0);
        }

        return result;
    }

    /// <summary>
    /// Purchases at rate <paramref name="ratePerDay"/> from time 0 (the first purchase) to <paramref name="ageDays"/>,
    /// stopping at death: after a purchase with probability <paramref name="dropout"/>, or at <paramref name="lifetimeDays"/>.
    /// </summary>
    private static CustomerHistory Walk(double ratePerDay, int ageDays, double daysPerUnit, Random random, double dropout, double lifetimeDays, bool alive)
    {
        var repeats = 0;
        var last = 0.0;
        var time = 0.0;
        var end = Math.Min(ageDays, lifetimeDays);
        while (alive && ratePerDay > 0)
        {
            time += -Math.Log(1 - random.NextDouble()) / ratePerDay;
            if (time > end)
            {
                break;
            }

            repeats++;
            last = time;
            alive = !(random.NextDouble() < dropout);
        }

        return new CustomerHistory(repeats, Math.Round(last) / daysPerUnit, ageDays / daysPerUnit);
    }
}
