using Segments.Core.Clustering;

namespace Segments.Core.Tests.Clustering;

public class SilhouetteTests
{
    [Fact]
    public void Mean_silhouette_of_two_pairs_on_a_line_matches_the_hand_computation()
    {
        // Arrange: points 0, 1 | 10, 11.
        var data = FeatureMatrix.FromRows([[0.0], [1.0], [10.0], [11.0]]);
        int[] labels = [0, 0, 1, 1];

        // Act
        var mean = Silhouette.Mean(data, labels, 2, [0, 1, 2, 3]);

        // Assert: point 0: a = 1, b = (10 + 11)/2 = 10.5, s = 9.5/10.5; point 1: a = 1, b = (9 + 10)/2 = 9.5,
        // s = 8.5/9.5; points 10 and 11 mirror them. Mean = (9.5/10.5 + 8.5/9.5)/2 ≈ 0.899749.
        Assert.Equal(((9.5 / 10.5) + (8.5 / 9.5)) / 2, mean, precision: 12);
    }

    [Fact]
    public void A_point_alone_in_its_cluster_scores_zero()
    {
        // Arrange: 0, 1 | 10, where 10 is alone.
        var data = FeatureMatrix.FromRows([[0.0], [1.0], [10.0]]);
        int[] labels = [0, 0, 1];

        // Act
        var mean = Silhouette.Mean(data, labels, 2, [0, 1, 2]);

        // Assert: point 0: a = 1, b = 10 → 0.9; point 1: a = 1, b = 9 → 8/9; point 10 → 0. Mean = (0.9 + 8/9)/3.
        Assert.Equal((0.9 + (8.0 / 9.0)) / 3, mean, precision: 12);
    }

    [Fact]
    public void A_sample_inside_one_cluster_scores_zero()
    {
        // Arrange
        var data = FeatureMatrix.FromRows([[0.0], [1.0], [10.0], [11.0]]);
        int[] labels = [0, 0, 1, 1];

        // Act
        var mean = Silhouette.Mean(data, labels, 2, [0, 1]);

        // Assert: no other cluster in the sample to compare with.
        Assert.Equal(0, mean);
    }
}
