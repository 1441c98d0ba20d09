using Segments.Core.Rfm;

namespace Segments.Core.Tests.Rfm;

public class RfmScorerTests
{
    [Fact]
    public void Frequency_score_is_one_plus_the_cut_points_strictly_below()
    {
        // Arrange: frequencies 1..5 give cut points 1.8, 2.6, 3.4, 4.2 (h = 0.8, 1.6, 2.4, 3.2).
        var customers = Customers(frequencies: [1, 2, 3, 4, 5]);

        // Act
        var scoring = RfmScorer.Score(customers);

        // Assert: 1 has none below → 1; 2 has 1.8 → 2; 3 → 3; 4 → 4; 5 has all four → 5.
        Assert.Equal([1, 2, 3, 4, 5], scoring.Customers.Select(c => c.F));
    }

    [Fact]
    public void Recency_score_is_five_minus_the_cut_points_strictly_below()
    {
        // Arrange: recencies 1..5 days give cut points 1.8, 2.6, 3.4, 4.2.
        var customers = Customers(recencies: [1, 2, 3, 4, 5]);

        // Act
        var scoring = RfmScorer.Score(customers);

        // Assert: 1 day has none below → 5; 2 → 4; 3 → 3; 4 → 2; 5 days has all four → 1.
        Assert.Equal([5, 4, 3, 2, 1], scoring.Customers.Select(c => c.R));
    }

    [Fact]
    public void Frequency_equal_to_a_cut_point_scores_lower()
    {
        // Arrange: with six values h = 5·p is whole, so the cut points are the values 2, 3, 4, 5 themselves.
        var customers = Customers(frequencies: [1, 2, 3, 4, 5, 6]);

        // Act
        var scoring = RfmScorer.Score(customers);

        // Assert: 2 ties P20 and gets 1 (not 2), 3 ties P40 and gets 2, …, 6 is above all four → 5.
        Assert.Equal([1, 1, 2, 3, 4, 5], scoring.Customers.Select(c => c.F));
    }

    [Fact]
    public void Monetary_equal_to_a_cut_point_scores_lower()
    {
        // Arrange: six values, so the cut points are exactly 200, 300, 400, 500.
        var customers = Customers(monetaries: [100m, 200m, 300m, 400m, 500m, 600m]);

        // Act
        var scoring = RfmScorer.Score(customers);

        // Assert: 200 ties P20 → 1; 300 ties P40 → 2; 400 → 3; 500 → 4; 600 → 5.
        Assert.Equal([1, 1, 2, 3, 4, 5], scoring.Customers.Select(c => c.M));
    }

    [Fact]
    public void Recency_equal_to_a_cut_point_scores_with_the_more_recent_customers()
    {
        // Arrange: six values, so the cut points are exactly 20, 30, 40, 50 days.
        var customers = Customers(recencies: [10, 20, 30, 40, 50, 60]);

        // Act
        var scoring = RfmScorer.Score(customers);

        // Assert: R = 5 − (cut points strictly below). 20 ties P20, nothing below → 5 like 10 days;
        // 30 ties P40, only 20 below → 4; 40 → 3; 50 → 2; 60 → 1.
        Assert.Equal([5, 5, 4, 3, 2, 1], scoring.Customers.Select(c => c.R));
    }

    [Fact]
    public void A_single_customer_has_every_cut_point_at_its_own_values()
    {
        // Arrange
        CustomerMetrics[] customers = [new("A", RecencyDays: 30, Frequency: 3, Monetary: 250m, Country: "")];

        // Act
        var scoring = RfmScorer.Score(customers);

        // Assert: n = 1, so every percentile is the one value.
        Assert.Equal(new CutPoints(30m, 30m, 30m, 30m), scoring.Recency);
        Assert.Equal(new CutPoints(3m, 3m, 3m, 3m), scoring.Frequency);
        Assert.Equal(new CutPoints(250m, 250m, 250m, 250m), scoring.Monetary);
    }

    [Fact]
    public void A_single_customer_scores_511_New_Customers()
    {
        // Arrange
        CustomerMetrics[] customers = [new("A", RecencyDays: 30, Frequency: 3, Monetary: 250m, Country: "")];

        // Act
        var score = Assert.Single(RfmScorer.Score(customers).Customers);

        // Assert: no cut point is strictly below its own value: R = 5 − 0, F = 1 + 0, M = 1 + 0.
        Assert.Equal("511", score.Code);
        Assert.Equal("New Customers", score.Segment);
    }

    [Fact]
    public void Two_customers_take_the_opposite_extreme_scores()
    {
        // Arrange
        CustomerMetrics[] customers =
        [
            new("A", RecencyDays: 1, Frequency: 5, Monetary: 500m, Country: ""),
            new("B", RecencyDays: 11, Frequency: 1, Monetary: 100m, Country: ""),
        ];

        // Act
        var scoring = RfmScorer.Score(customers);

        // Assert: recency [1,11] → cuts 3, 5, 7, 9; frequency [1,5] → 1.8, 2.6, 3.4, 4.2;
        // monetary [100,500] → 180, 260, 340, 420. A is below/above all of them → 555, B the reverse → 111.
        Assert.Equal(["555 Champions", "111 Lost"], scoring.Customers.Select(c => $"{c.Code} {c.Segment}"));
    }

    [Fact]
    public void Identical_customers_all_score_511()
    {
        // Arrange
        CustomerMetrics[] customers =
        [
            new("A", RecencyDays: 12, Frequency: 2, Monetary: 80m, Country: ""),
            new("B", RecencyDays: 12, Frequency: 2, Monetary: 80m, Country: ""),
            new("C", RecencyDays: 12, Frequency: 2, Monetary: 80m, Country: ""),
        ];

        // Act
        var scoring = RfmScorer.Score(customers);

        // Assert: every cut point equals the shared value, none is strictly below it → 5, 1, 1.
        Assert.All(scoring.Customers, c => Assert.Equal("511", c.Code));
    }

    [Fact]
    public void No_customers_give_no_scores()
    {
        // Arrange
        CustomerMetrics[] customers = [];

        // Act
        var scoring = RfmScorer.Score(customers);

        // Assert
        Assert.Empty(scoring.Customers);
    }

    [Fact]
    public void CountBySegment_lists_all_eleven_segments_in_table_order_with_zeros()
    {
        // Arrange: the two-customer base above scores A 555 (Champions) and B 111 (Lost).
        CustomerMetrics[] customers =
        [
            new("A", RecencyDays: 1, Frequency: 5, Monetary: 500m, Country: ""),
            new("B", RecencyDays: 11, Frequency: 1, Monetary: 100m, Country: ""),
        ];
        var scoring = RfmScorer.Score(customers);

        // Act
        var counts = scoring.CountBySegment();

        // Assert
        SegmentCount[] expected =
        [
            new("Champions", 1), new("Loyal", 0), new("Potential Loyalist", 0), new("New Customers", 0),
            new("Promising", 0), new("Need Attention", 0), new("About To Sleep", 0), new("At Risk", 0),
            new("Can't Lose Them", 0), new("Hibernating", 0), new("Lost", 1),
        ];
        Assert.Equal(expected, counts);
    }

    /// <summary>
    /// Customers that differ in one measure only; the measures not given are equal for everyone, so their
    /// scores are constant and the test reads one column.
    /// </summary>
    private static CustomerMetrics[] Customers(int[]? recencies = null, int[]? frequencies = null, decimal[]? monetaries = null)
    {
        var count = recencies?.Length ?? frequencies?.Length ?? monetaries!.Length;
        return Enumerable.Range(0, count)
            .Select(i => new CustomerMetrics(
                $"C{i}",
                recencies?[i] ?? 10,
                frequencies?[i] ?? 1,
                monetaries?[i] ?? 100m,
                Country: ""))
            .ToArray();
    }
}
