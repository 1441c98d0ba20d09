using Segments.Core.Rfm;
using Segments.Core.Segmentation;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Segmentation;

/// <summary>The per-customer predictive fields: bands, value fields, spend tiers and the predictive family.</summary>
public sealed class PredictiveFieldsTests
{
    private static readonly CustomerPrediction Base = new(0.9, 0.1, 0.3, 1.2, 50, 120);

    [Theory]
    [InlineData(0.49, "low")]
    [InlineData(0.5, "medium")]
    [InlineData(0.79, "medium")]
    [InlineData(0.8, "high")]
    public void Churn_bands_follow_the_thresholds(double churn, string band)
    {
        Assert.Equal(band, ChurnRisk.Band(churn, new PredictionOptions()));
    }

    [Fact]
    public void Churn_bands_follow_changed_thresholds()
    {
        var options = new PredictionOptions { ChurnMediumThreshold = 0.2, ChurnHighThreshold = 0.4 };

        Assert.Equal(("medium", "high"), (ChurnRisk.Band(0.3, options), ChurnRisk.Band(0.45, options)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(3651)]
    public void A_horizon_outside_one_day_to_ten_years_is_named_as_the_problem(int days)
    {
        var problem = new PredictionOptions { ChurnHorizonDays = days }.FindProblem();

        Assert.Contains("Segments:Predictions:ChurnHorizonDays", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_fields_are_historic_revenue_gaps_and_their_sum_with_the_prediction()
    {
        var history = new OrderHistory("c1", [new DateOnly(2011, 1, 1), new DateOnly(2011, 1, 11), new DateOnly(2011, 2, 1)]);

        var fields = CustomerValueFields.AddTo(Base, new CustomerMetrics("c1", 10, 3, 300m, "UK"), history);

        // 31 days over two gaps; 300 so far + 120 predicted.
        Assert.Equal((15.5, 300.0, 420.0), (fields.AverageDaysBetweenOrders!.Value, fields.HistoricClv!.Value, fields.TotalClv!.Value));
    }

    [Fact]
    public void One_order_day_has_no_average_gap()
    {
        var fields = CustomerValueFields.AddTo(Base, new CustomerMetrics("c1", 10, 1, 30m, "UK"), new OrderHistory("c1", [new DateOnly(2011, 1, 1)]));

        Assert.Null(fields.AverageDaysBetweenOrders);
    }

    [Fact]
    public void Spend_tiers_are_the_top_fifth_the_next_three_tenths_and_the_rest()
    {
        var customers = Enumerable.Range(1, 10).Select(i => ($"c{i:00}", Base with { TotalClv = i * 100 }));

        var tiers = CustomerValueFields.Tiers(customers);

        Assert.Equal(["high", "high", "medium", "medium", "medium", "low", "low", "low", "low", "low"],
            Enumerable.Range(1, 10).Reverse().Select(i => tiers[$"c{i:00}"]));
    }

    [Fact]
    public void The_predictive_family_counts_every_segment()
    {
        CustomerPrediction?[] predictions =
        [
            Base with { ChurnRiskBand = "high", SpendTier = "low" },
            Base with { ChurnRiskBand = "high", SpendTier = "high" },
            null,
        ];

        var counts = PredictiveSegments.Count(predictions).ToDictionary(c => c.Name, c => c.Customers);

        Assert.Equal((2, 0, 1, 1, 6), (counts["High churn risk"], counts["Low churn risk"], counts["High value"], counts["Low value"], counts.Count));
    }

    [Fact]
    public async Task Every_customer_of_the_shipped_sample_is_in_one_churn_band_and_one_spend_tier()
    {
        var result = await ShippedSample.ComputeAsync();

        var counts = result.Predictions!.Segments.ToDictionary(c => c.Name, c => c.Customers);
        Assert.Equal(result.Customers.Count, counts["High churn risk"] + counts["Medium churn risk"] + counts["Low churn risk"]);
        Assert.Equal(result.Customers.Count, counts["High value"] + counts["Medium value"] + counts["Low value"]);
        Assert.All(result.Customers, c => Assert.InRange(c.Prediction!.ChurnProbability!.Value, 0, 1));
        Assert.Equal(90, result.Predictions.Churn!.HorizonDays);
    }
}
