using Segments.Core.Rfm;

namespace Segments.Core.Tests.Rfm;

public class RfGridTests
{
    [Fact]
    public void Grid_counts_customers_by_recency_row_and_frequency_column()
    {
        // Arrange
        var scores = new[] { Score(5, 1), Score(5, 1), Score(1, 5), Score(3, 2) };

        // Act
        var grid = RfGrid.Count(scores);

        // Assert
        Assert.Equal(2, grid[4][0]);
        Assert.Equal(1, grid[0][4]);
        Assert.Equal(1, grid[2][1]);
        Assert.Equal(4, grid.Sum(row => row.Sum()));
        Assert.All(grid, row => Assert.Equal(RfGrid.Scores, row.Count));
    }

    [Fact]
    public void Grid_rejects_a_score_outside_one_to_five()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RfGrid.Count([Score(6, 1)]));
    }

    private static RfmScore Score(int r, int f) => new(new CustomerMetrics("c", 1, 1, 1m, "NO"), r, f, 1, "Lost");
}
