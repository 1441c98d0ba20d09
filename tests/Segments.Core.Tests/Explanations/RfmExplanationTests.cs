using Segments.Core.Explanations;
using Segments.Core.Rfm;

namespace Segments.Core.Tests.Explanations;

/// <summary>
/// The five-customer example of the integration tests, as of 2024-03-31: recency cuts 0.8 / 4 / 15.6 / 84.8 days,
/// frequency cuts 1 / 1.6 / 2 / 2.2 orders, monetary cuts 50 / 114 / 290 / 800.
/// </summary>
public sealed class RfmExplanationTests
{
    private static readonly CutPoints Recency = new(0.8m, 4m, 15.6m, 84.8m);
    private static readonly CutPoints Frequency = new(1m, 1.6m, 2m, 2.2m);
    private static readonly CutPoints Monetary = new(50m, 114m, 290m, 800m);

    [Theory]
    [InlineData(0, 5, "R=5: last order today, within the top-20% cut of 0.8 days")]
    [InlineData(1, 4, "R=4: last order 1 day ago, beyond the top-20% cut of 0.8 days and within the top-40% cut of 4 days")]
    [InlineData(6, 3, "R=3: last order 6 days ago, beyond the top-40% cut of 4 days and within the top-60% cut of 15.6 days")]
    [InlineData(304, 1, "R=1: last order 304 days ago, beyond the top-80% cut of 84.8 days (the least recent 20%)")]
    public void Recency_score_is_explained_by_the_cut_points_around_it(int recencyDays, int r, string expected)
    {
        Assert.Equal(expected, RfmExplanation.Recency(recencyDays, r, Recency));
    }

    [Theory]
    [InlineData(1, 1, "F=1: 1 order, at or below the bottom-20% cut of 1 order")]
    [InlineData(2, 3, "F=3: 2 orders, above the 40th-percentile cut of 1.6 orders and at most the 60th-percentile cut of 2 orders")]
    [InlineData(3, 5, "F=5: 3 orders, above the top-20% cut of 2.2 orders")]
    public void Frequency_score_is_explained_by_the_cut_points_around_it(int orders, int f, string expected)
    {
        Assert.Equal(expected, RfmExplanation.Frequency(orders, f, Frequency));
    }

    [Fact]
    public void Monetary_score_is_explained_in_money()
    {
        Assert.Equal(
            "M=3: net revenue 150.00, above the 40th-percentile cut of 114.00 and at most the 60th-percentile cut of 290.00",
            RfmExplanation.Monetary(150m, 3, Monetary));
        Assert.Equal("M=5: net revenue 2,000.00, above the top-20% cut of 800.00", RfmExplanation.Monetary(2000m, 5, Monetary));
    }

    [Fact]
    public void Explained_scores_agree_with_the_scorer()
    {
        // Customer A of the example: 1 day, 2 orders, 150 → 433.
        var scoring = RfmScorer.Score(
        [
            new CustomerMetrics("A", 1, 2, 150m, "Norway"),
            new CustomerMetrics("B", 30, 1, 500m, "France"),
            new CustomerMetrics("C", 6, 3, 60m, "Spain"),
            new CustomerMetrics("D", 304, 1, 10m, "Italy"),
            new CustomerMetrics("E", 0, 2, 2000m, "Japan"),
        ]);
        var a = scoring.Customers.Single(c => c.Metrics.CustomerId == "A");

        Assert.Equal(RfmCutPoints.Of(scoring), new RfmCutPoints(Recency, Frequency, Monetary));
        Assert.StartsWith("R=4:", RfmExplanation.Recency(1, a.R, scoring.Recency), StringComparison.Ordinal);
        Assert.StartsWith("F=3:", RfmExplanation.Frequency(2, a.F, scoring.Frequency), StringComparison.Ordinal);
        Assert.StartsWith("M=3:", RfmExplanation.Monetary(150m, a.M, scoring.Monetary), StringComparison.Ordinal);
    }

    [Fact]
    public void Named_segment_lists_the_codes_the_table_gives_it()
    {
        Assert.Equal(
            "Need Attention: RFM code 535 (R=5, F=3, M=5) is one of the 8 codes the RFM segment table names Need Attention (535, 534, 443, 434, 343, 334, 325, 324)",
            RfmExplanation.Segment("Need Attention", 5, 3, 5));
    }
}
