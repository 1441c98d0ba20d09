using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

/// <summary>The holdout check against a two-customer case worked by hand.</summary>
public sealed class HoldoutEvaluatorTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    // Customer a buys on days 0, 7, 14 and, in the holdout, 21; b once on day 0. Calibration ends on day 14, so in
    // weeks a has x = 2, t_x = 2, T = 2 and b x = 0, T = 2; the holdout is one week. NBD r = 1, α = 2.
    private static (HoldoutAccuracy Accuracy, CalibrationData Data) Check()
    {
        var builder = new CustomerHistoryBuilder();
        foreach (var day in new[] { 0, 7, 14, 21 })
        {
            builder.Add("a", Start.AddDays(day), 10m);
        }

        builder.Add("b", Start, 10m);
        var data = builder.Build(Start.AddDays(14), TimeUnit.Week);
        return (HoldoutEvaluator.Evaluate(new NbdModel(1, 2), data, builder.PurchaseDays())!, data);
    }

    [Fact]
    public void Totals_and_errors_match_the_hand_computation()
    {
        var (accuracy, _) = Check();

        // E[Y(1)] = (r + x)/(α + T): a (1 + 2)/(2 + 2) = 0.75, b 1/4 = 0.25; actual 1 and 0.
        Assert.Equal(1.0, accuracy.PredictedPurchases, 12);
        Assert.Equal(1.0, accuracy.ActualPurchases);
        // √(((0.75 − 1)² + 0.25²)/2) = 0.25; mean |error| = 0.25.
        Assert.Equal(0.25, accuracy.RootMeanSquaredError, 12);
        Assert.Equal(0.25, accuracy.MeanAbsoluteError, 12);
        Assert.Equal((1.0, 2), (accuracy.HoldoutWeeks, accuracy.Customers));
    }

    [Fact]
    public void The_brier_score_and_calibration_bins_match_the_hand_computation()
    {
        var (accuracy, _) = Check();

        // churn a = (4/5)^3 = 0.512 (bought: 0), b = (4/5)^1 = 0.8 (did not: 1): ((0.512)² + (0.2)²)/2 = 0.151072.
        Assert.Equal(0.151072, accuracy.BrierScore!.Value, 12);
        Assert.Equal(
            [(0.5, 1, 0.512, 0.0), (0.8, 1, 0.8, 1.0)],
            accuracy.ChurnCalibration.Select(b => (Math.Round(b.From, 1), b.Customers, Math.Round(b.MeanPredictedChurn, 12), b.ObservedChurn)));
    }

    [Fact]
    public void Deciles_put_the_highest_prediction_first()
    {
        var (accuracy, _) = Check();

        Assert.Equal([(0.75, 1.0), (0.25, 0.0)], accuracy.Deciles.Select(d => (d.PredictedPurchases, d.ActualPurchases)));
        Assert.True(accuracy.Deciles[0].Decile < accuracy.Deciles[1].Decile);
    }

    [Fact]
    public void The_tracking_series_counts_repeat_purchases_week_by_week_against_r_t_over_alpha()
    {
        var (accuracy, _) = Check();

        // Weeks end on days 6, 13, 20 and 21 (the data end); repeat purchases on days 7, 14, 21.
        Assert.Equal([0.0, 1, 2, 3], accuracy.Tracking.Select(p => p.Actual));
        // Both customers start on day 0: 2 · r t / α with t = 6/7, 13/7, 20/7, 21/7 weeks.
        Assert.Equal([6 / 7.0, 13 / 7.0, 20 / 7.0, 3.0], accuracy.Tracking.Select(p => Math.Round(p.Expected, 12)), new RoundedComparer());
        Assert.Equal([false, false, true, true], accuracy.Tracking.Select(p => p.Holdout));
    }

    [Fact]
    public void Without_a_holdout_there_is_no_check()
    {
        var builder = new CustomerHistoryBuilder();
        builder.Add("a", Start, 1m);
        builder.Add("a", Start.AddDays(7), 1m);

        Assert.Null(HoldoutEvaluator.Evaluate(new NbdModel(1, 2), builder.Build(), builder.PurchaseDays()));
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;

        public int GetHashCode(double obj) => 0;
    }
}
