using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

public sealed class LifetimeValueTests
{
    private static readonly BgNbdModel Purchases = new(0.243, 4.414, 0.793, 2.426);
    private static readonly GammaGammaModel Spend = new(6.25, 3.74, 15.44);
    private static readonly CustomerHistory History = new(2, 30.43, 38.86);

    [Fact]
    public void Without_discounting_the_months_add_up_to_a_year_of_purchases_at_the_expected_spend()
    {
        // The monthly increments telescope: Σ (E[Y(m τ)] − E[Y((m−1) τ)]) = E[Y(12 τ)], 12 τ = 365.25/7 weeks.
        var calculator = new LifetimeValueCalculator(Purchases, Spend, TimeUnit.Week, new LifetimeValueOptions(12, 0));

        var value = calculator.LifetimeValue(History, 22.35);

        var expected = Purchases.ExpectedPurchases(History, 365.25 / 7) * Spend.ExpectedAverageSpend(2, 22.35);
        Assert.Equal(expected, value, 9);
    }

    [Fact]
    public void Discounting_lowers_the_value_month_by_month()
    {
        var undiscounted = new LifetimeValueCalculator(Purchases, Spend, TimeUnit.Week, new LifetimeValueOptions(12, 0)).LifetimeValue(History, 22.35);
        var discounted = new LifetimeValueCalculator(Purchases, Spend, TimeUnit.Week, new LifetimeValueOptions(12, 0.01)).LifetimeValue(History, 22.35);

        Assert.InRange(discounted, undiscounted / Math.Pow(1.01, 12), undiscounted / 1.01);
    }

    [Fact]
    public void Time_unit_changes_nothing_once_the_model_is_in_that_unit()
    {
        // The same model in days: α and the times scale by 7.
        var inDays = new BgNbdModel(0.243, 4.414 * 7, 0.793, 2.426);
        var historyInDays = new CustomerHistory(2, 30.43 * 7, 38.86 * 7);
        var options = new LifetimeValueOptions();

        var weeks = new LifetimeValueCalculator(Purchases, Spend, TimeUnit.Week, options).LifetimeValue(History, 22.35);
        var days = new LifetimeValueCalculator(inDays, Spend, TimeUnit.Day, options).LifetimeValue(historyInDays, 22.35);

        Assert.Equal(weeks, days, 9);
    }
}
