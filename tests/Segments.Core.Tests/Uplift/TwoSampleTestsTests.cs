using Segments.Core.Uplift;

namespace Segments.Core.Tests.Uplift;

/// <summary>The uplift statistics against values computed independently, each with its source.</summary>
public sealed class TwoSampleTestsTests
{
    [Fact]
    public void Two_proportion_z_test_matches_the_values_computed_by_hand()
    {
        // Control 200 of 1,000 converted, treatment 250 of 1,000. Computed with Python 3's statistics.NormalDist:
        // pooled p = 450/2000 = 0.225, SE = √(0.225 · 0.775 · (1/1000 + 1/1000)) → z = 0.05 / SE = 2.677397763008329,
        // p = 2 Φ(−|z|) = 0.007419649261025674; Wald SE = √(0.2·0.8/1000 + 0.25·0.75/1000),
        // 95% interval 0.05 ± Φ⁻¹(0.975) · SE = [0.01346362168753986, 0.08653637831246014].
        var d = TwoSampleTests.Proportions(200, 1000, 250, 1000)!;

        Assert.Equal((0.2, 0.25), (d.Control, d.Treatment));
        Assert.Equal(0.05, d.Value, 12);
        Assert.Equal(2.677397763008329, d.Statistic, 9);
        Assert.Equal(0.007419649261025674, d.PValue, 9);
        Assert.Equal(0.01346362168753986, d.Low, 9);
        Assert.Equal(0.08653637831246014, d.High, 9);
        Assert.Null(d.DegreesOfFreedom);
    }

    [Fact]
    public void Welch_t_test_matches_the_published_example()
    {
        // Wikipedia, "Welch's t-test", example 1 (two samples of 15): t = 2.46 (sign by order), ν = 25.0, p = 0.021.
        // To more digits, with Python 3 by hand (means, sample variances, Welch–Satterthwaite ν; p by Simpson's rule
        // on the Student t density): t = 2.45535639828601, ν = 24.98852929023142, p = 0.02137800146286674.
        double[] control = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
        double[] treatment = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];

        var d = TwoSampleTests.Means(control, treatment)!;

        Assert.Equal(2.1666666666666714, d.Value, 9);
        Assert.Equal(2.45535639828601, d.Statistic, 9);
        Assert.Equal(24.98852929023142, d.DegreesOfFreedom!.Value, 9);
        Assert.Equal(0.02137800146286674, d.PValue, 7);
        Assert.True(d.Low > 0 && d.Low < d.Value && d.High > d.Value);
    }

    [Fact]
    public void An_empty_group_or_no_variation_gives_no_test_rather_than_nan()
    {
        Assert.Null(TwoSampleTests.Proportions(0, 0, 5, 10));
        Assert.Null(TwoSampleTests.Proportions(0, 10, 0, 10));
        Assert.Null(TwoSampleTests.Means([1.0, 1.0], [1.0, 1.0]));
        Assert.Null(TwoSampleTests.Means([1.0], [1.0, 2.0]));
    }

    [Fact]
    public void Incremental_revenue_and_roi_follow_from_the_revenue_difference()
    {
        GroupOutcome[] outcomes =
        [
            new(false, 0, 0), new(false, 1, 20), new(false, 1, 40), new(false, 0, 0),
            new(true, 1, 30), new(true, 2, 60), new(true, 1, 50), new(true, 0, 0),
        ];

        var result = UpliftCalculator.Compute(outcomes, campaignCost: 50);

        // Means 15 (control) and 35 (treatment): +20 per customer × 4 treated = 80; ROI (80 − 50)/50 = 0.6.
        Assert.Equal((4, 4), (result.ControlCustomers, result.TreatmentCustomers));
        Assert.Equal(80, result.IncrementalRevenue!.Value, 9);
        Assert.Equal(0.6, result.ReturnOnInvestment!.Value, 9);
        Assert.Equal((0.5, 0.75), (result.Conversion!.Control, result.Conversion.Treatment));
    }
}
