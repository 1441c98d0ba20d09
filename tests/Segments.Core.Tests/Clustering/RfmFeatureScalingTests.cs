using Segments.Core.Clustering;

namespace Segments.Core.Tests.Clustering;

public class RfmFeatureScalingTests
{
    [Fact]
    public void Features_are_standardised_logs_of_one_plus_the_measure()
    {
        // Arrange: recency e−1 and e³−1 days, so log(1 + R) is 1 and 3: mean 2, population sd 1.
        (double, double, double)[] customers = [(Math.E - 1, 1, 10), (Math.Pow(Math.E, 3) - 1, 1, 10)];

        // Act
        var (features, scaling) = RfmFeatureScaling.Fit(customers);

        // Assert: z = (1 − 2)/1 = −1 and (3 − 2)/1 = +1. Frequency and monetary are constant: sd taken as 1, z = 0.
        Assert.Equal(-1, features.Row(0)[0], precision: 12);
        Assert.Equal(1, features.Row(1)[0], precision: 12);
        Assert.Equal(0, features.Row(0)[1]);
        Assert.Equal(2, scaling.Means[0], precision: 12);
        Assert.Equal(1, scaling.StandardDeviations[0], precision: 12);
        Assert.Equal(1, scaling.StandardDeviations[2]);
    }

    [Fact]
    public void A_point_maps_back_to_original_units()
    {
        // Arrange
        (double, double, double)[] customers = [(3, 2, 120), (30, 5, 900), (300, 1, 15)];
        var (features, scaling) = RfmFeatureScaling.Fit(customers);

        // Act
        var original = scaling.ToOriginalUnits(features.Row(1).ToArray());

        // Assert: exp(log(1 + x)) − 1 = x.
        Assert.Equal(30, original.RecencyDays, precision: 9);
        Assert.Equal(5, original.Frequency, precision: 9);
        Assert.Equal(900, original.Monetary, precision: 9);
    }
}
