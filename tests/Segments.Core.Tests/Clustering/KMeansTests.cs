using Segments.Core.Clustering;

namespace Segments.Core.Tests.Clustering;

public class KMeansTests
{
    [Fact]
    public void Well_separated_blobs_are_recovered_exactly()
    {
        // Arrange: three blobs of 25 points, centres 10 apart, each blob within ±0.5 of its centre.
        var data = Blobs.Around((0, 0), (10, 10), (-10, 10));

        // Act
        var fit = KMeans.Fit(data, 3);

        // Assert: each blob has one label of its own, and each centroid is its blob's centre (the grid is symmetric).
        var blobLabels = Enumerable.Range(0, 3).Select(b => fit.Labels.Skip(b * 25).Take(25).Distinct().Single()).ToList();
        Assert.Equal(3, blobLabels.Distinct().Count());
        Assert.Equal(0, fit.Centroids[blobLabels[0]][0], precision: 9);
        Assert.Equal(0, fit.Centroids[blobLabels[0]][1], precision: 9);
        Assert.Equal(10, fit.Centroids[blobLabels[1]][0], precision: 9);
        Assert.Equal(-10, fit.Centroids[blobLabels[2]][0], precision: 9);
    }

    [Fact]
    public void Inertia_is_the_sum_of_squared_distances_to_the_centroids()
    {
        // Arrange: the same blobs.
        var data = Blobs.Around((0, 0), (10, 10), (-10, 10));

        // Act
        var fit = KMeans.Fit(data, 3);

        // Assert: the offsets −0.5, −0.25, 0, 0.25, 0.5 squared sum to 0.625; each appears on 5 grid points per
        // axis, so one blob gives 5 × 0.625 × 2 axes = 6.25, and three blobs 18.75.
        Assert.Equal(3 * 6.25, fit.Inertia, precision: 9);
    }

    [Fact]
    public void The_same_seed_gives_the_same_clusters()
    {
        // Arrange: overlapping blobs, where seeding matters.
        var data = Blobs.Around((0, 0), (1, 1), (2, 0), (1, -1));
        var options = new KMeansOptions(Seed: 42, Restarts: 2);

        // Act
        var first = KMeans.Fit(data, 3, options);
        var second = KMeans.Fit(data, 3, options);

        // Assert
        Assert.Equal(first.Labels, second.Labels);
        Assert.Equal(first.Inertia, second.Inertia);
    }

    [Fact]
    public void One_cluster_has_the_mean_as_its_centroid()
    {
        // Arrange
        var data = FeatureMatrix.FromRows([[1.0, 2.0], [3.0, 2.0], [5.0, 8.0]]);

        // Act
        var fit = KMeans.Fit(data, 1);

        // Assert: mean (3, 4); squared distances 4 + 4, 0 + 4, 4 + 16 → inertia 32.
        Assert.Equal([3.0, 4.0], fit.Centroids[0]);
        Assert.Equal(32.0, fit.Inertia, precision: 9);
    }

    [Fact]
    public void More_clusters_than_distinct_points_are_refused()
    {
        // Arrange: three rows, two distinct points.
        var data = FeatureMatrix.FromRows([[1.0, 1.0], [1.0, 1.0], [2.0, 2.0]]);

        // Act
        Action act = () => KMeans.Fit(data, 3);

        // Assert
        Assert.Throws<ArgumentException>(act);
    }
}
