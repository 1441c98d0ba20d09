namespace Segments.Core.Btyd;

/// <summary>
/// Customer lifetime value over a fixed horizon from a purchase model and the Gamma-Gamma spend model:
/// CLV = Σ_{m=1..M} (E[Y(m·τ)] − E[Y((m−1)·τ)]) · E[Z | x, z̄] / (1 + d)^m, where E[Y(t)] is the purchase model's
/// conditional expectation, τ one month in the model's time unit (365.25/12 days), and d the monthly discount
/// rate: the expected purchases in month m, valued at the expected average spend and discounted to today. This
/// is the discrete form of Fader, Hardie &amp; Lee (2005, "RFM and CLV"), with spend independent of frequency.
/// </summary>
/// <param name="purchases">The fitted purchase model.</param>
/// <param name="spend">The fitted spend model.</param>
/// <param name="unit">The time unit the purchase model was fitted in.</param>
/// <param name="options">Horizon and discount rate.</param>
public sealed class LifetimeValueCalculator(IPurchaseModel purchases, GammaGammaModel spend, TimeUnit unit, LifetimeValueOptions options)
{
    private readonly double _month = TimeUnits.PerMonth(unit);

    /// <summary>The discounted value of the next <see cref="LifetimeValueOptions.Months"/> months for one customer.</summary>
    public double LifetimeValue(in CustomerHistory history, double averageRepeatSpend)
    {
        var valuePerPurchase = spend.ExpectedAverageSpend(history.RepeatPurchases, averageRepeatSpend);
        var total = 0.0;
        var before = 0.0;
        for (var m = 1; m <= options.Months; m++)
        {
            var cumulative = purchases.ExpectedPurchases(history, m * _month);
            total += (cumulative - before) * valuePerPurchase / Math.Pow(1 + options.MonthlyDiscountRate, m);
            before = cumulative;
        }

        return total;
    }
}
