using Segments.Core.Rfm;

namespace Segments.Core.Tests.Rfm;

public class PercentileTests
{
    [Fact]
    public void Linear_interpolates_between_neighbouring_order_statistics()
    {
        // Arrange
        decimal[] sorted = [1m, 2m, 3m, 4m, 5m];

        // Act
        var p20 = Percentile.Linear(sorted, 0.2m);

        // Assert: h = (5 − 1)·0.2 = 0.8, so 1 + 0.8·(2 − 1) = 1.8 (numpy.percentile([1,2,3,4,5], 20) = 1.8).
        Assert.Equal(1.8m, p20);
    }

    [Fact]
    public void Linear_of_two_values_moves_the_fraction_p_of_the_way_between_them()
    {
        // Arrange
        decimal[] sorted = [10m, 20m];

        // Act
        var p40 = Percentile.Linear(sorted, 0.4m);

        // Assert: h = (2 − 1)·0.4 = 0.4, so 10 + 0.4·(20 − 10) = 14.
        Assert.Equal(14m, p40);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.2)]
    [InlineData(0.8)]
    [InlineData(1.0)]
    public void Linear_of_a_single_value_is_that_value(double p)
    {
        // Arrange
        decimal[] sorted = [7.25m];

        // Act
        var percentile = Percentile.Linear(sorted, (decimal)p);

        // Assert: n = 1 gives h = 0 for every p, i.e. the only order statistic.
        Assert.Equal(7.25m, percentile);
    }

    [Fact]
    public void Linear_at_p_one_is_the_largest_value()
    {
        // Arrange
        decimal[] sorted = [1m, 2m, 3m, 4m, 5m];

        // Act
        var p100 = Percentile.Linear(sorted, 1m);

        // Assert: h = 4 = n − 1, the last order statistic.
        Assert.Equal(5m, p100);
    }

    [Fact]
    public void Linear_stays_exact_where_binary_floating_point_would_not()
    {
        // Arrange
        decimal[] sorted = [10m, 20m, 30m, 40m];

        // Act
        var p20 = Percentile.Linear(sorted, 0.2m);

        // Assert: h = 3·0.2 = 0.6 exactly (in double 3·0.2 = 0.6000000000000001), so 10 + 0.6·10 = 16 exactly.
        Assert.Equal(16m, p20);
    }

    [Fact]
    public void Linear_of_no_values_throws()
    {
        // Arrange
        var sorted = Array.Empty<decimal>();

        // Act
        Action act = () => Percentile.Linear(sorted, 0.5m);

        // Assert
        Assert.Throws<ArgumentException>(act);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void Linear_rejects_a_fraction_outside_zero_to_one(double p)
    {
        // Arrange
        decimal[] sorted = [1m, 2m];

        // Act
        Action act = () => Percentile.Linear(sorted, (decimal)p);

        // Assert
        Assert.Throws<ArgumentOutOfRangeException>(act);
    }
}
