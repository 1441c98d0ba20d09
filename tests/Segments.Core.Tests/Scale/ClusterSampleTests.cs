using Segments.Core.Scale;

namespace Segments.Core.Tests.Scale;

public class ClusterSampleTests(GeneratedExportFixture export) : IClassFixture<GeneratedExportFixture>
{
    [Fact]
    public void With_a_sample_smaller_than_the_population_every_split_gives_the_same_clusters()
    {
        // Arrange: 300 of about 1,500 customers in the sample.
        var one = BucketedRun.Split(export.Lines, 1);
        var many = BucketedRun.Split(export.Lines, 64);

        // Act
        var (modelOne, customersOne) = BucketedRun.Score(one, export.AsOf, clusterSampleSize: 300);
        var (modelMany, customersMany) = BucketedRun.Score(many, export.AsOf, clusterSampleSize: 300);

        // Assert: the same centroids and the same cluster for every customer, whatever the split.
        Assert.Equal(modelOne.Clusters.LabelCentroids.SelectMany(c => c), modelMany.Clusters.LabelCentroids.SelectMany(c => c));
        Assert.Equal(300, modelOne.Clusters.Clusters.Sum(c => c.Size));
        Assert.Equal(customersOne.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value.Cluster), customersMany.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value.Cluster));
    }

    [Fact]
    public void With_a_sample_smaller_than_the_population_rfm_lifecycle_and_predictions_are_still_exact()
    {
        // Arrange
        var split = BucketedRun.Split(export.Lines, 7);

        // Act
        var (_, customers) = BucketedRun.Score(split, export.AsOf, clusterSampleSize: 300);

        // Assert: only the cluster (and the rule on it) may differ from the whole run.
        var whole = export.Whole.Customers.ToDictionary(c => c.CustomerId, StringComparer.Ordinal);
        Assert.All(customers.Values, c =>
        {
            var w = whole[c.CustomerId];
            Assert.Equal((w.Rfm.Code, w.Rfm.Segment, w.LifecycleStage, w.Prediction?.PAlive, w.Prediction?.SpendTier), (c.Rfm.Code, c.Rfm.Segment, c.LifecycleStage, c.Prediction?.PAlive, c.Prediction?.SpendTier));
        });
    }

    [Fact]
    public void The_bottom_k_sample_keeps_the_smallest_hashes_whatever_the_order_offered()
    {
        // Arrange
        var customers = Enumerable.Range(0, 1_000).Select(i => $"C{i}").Select(id => new SampledCustomer(StableHash.Of(id), id, 1, 1, 1m)).ToList();
        var forward = new ClusterSample(50);
        var backward = new ClusterSample(50);

        // Act
        customers.ForEach(forward.Add);
        Enumerable.Reverse(customers).ToList().ForEach(backward.Add);

        // Assert
        var expected = customers.OrderBy(c => c.Hash).Take(50).Select(c => c.CustomerId).ToList();
        Assert.Equal(expected, forward.Customers.Select(c => c.CustomerId));
        Assert.Equal(expected, backward.Customers.Select(c => c.CustomerId));
    }
}
