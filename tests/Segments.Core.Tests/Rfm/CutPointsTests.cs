using Segments.Core.Rfm;

namespace Segments.Core.Tests.Rfm;

public class CutPointsTests
{
    [Fact]
    public void Of_takes_the_20th_40th_60th_and_80th_linear_percentiles_of_unsorted_values()
    {
        // Arrange
        decimal[] values = [40m, 10m, 30m, 20m];

        // Act
        var cutPoints = CutPoints.Of(values);

        // Assert: sorted [10,20,30,40], n − 1 = 3: h = 0.6 → 16; h = 1.2 → 22; h = 1.8 → 28; h = 2.4 → 34.
        Assert.Equal(new CutPoints(16m, 22m, 28m, 34m), cutPoints);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(16, 0)]
    [InlineData(16.01, 1)]
    [InlineData(22, 1)]
    [InlineData(30, 3)]
    [InlineData(34, 3)]
    [InlineData(35, 4)]
    public void CountBelow_counts_only_cut_points_strictly_below_the_value(double value, int expected)
    {
        // Arrange: borders 16, 22, 28, 34; a value equal to a border does not count it.
        var cutPoints = new CutPoints(16m, 22m, 28m, 34m);

        // Act
        var below = cutPoints.CountBelow((decimal)value);

        // Assert
        Assert.Equal(expected, below);
    }
}
