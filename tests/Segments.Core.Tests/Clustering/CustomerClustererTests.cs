using Segments.Core.Clustering;
using Segments.Core.Rfm;

namespace Segments.Core.Tests.Clustering;

public class CustomerClustererTests
{
    [Fact]
    public void Silhouette_chooses_three_clusters_for_three_clear_groups()
    {
        // Arrange
        var customers = ThreeGroups();

        // Act
        var result = CustomerClusterer.Cluster(customers);

        // Assert: k = 3 has the highest mean silhouette of 2..8, and every k was tried.
        Assert.Equal(3, result.K);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], result.Candidates.Select(c => c.K));
        Assert.Equal(result.Candidates.Max(c => c.MeanSilhouette), result.Candidates.Single(c => c.K == 3).MeanSilhouette);
    }

    [Fact]
    public void Clusters_are_numbered_by_centroid_spend_and_described_in_original_units()
    {
        // Arrange
        var customers = ThreeGroups();

        // Act
        var result = CustomerClusterer.Cluster(customers);

        // Assert: cluster 1 = the big spenders (40), 2 = the mid group (60), 3 = the one-off small buyers (100).
        // Their centroids sit at the groups' centres: jitter of ±10 % is symmetric in log space only
        // approximately, so the checks allow 2 %.
        Assert.Equal([40, 60, 100], result.Clusters.Select(c => c.Size));
        var spenders = result.Clusters[0];
        Assert.Equal(1, spenders.Cluster);
        Assert.InRange(spenders.RecencyDays, 5 * 0.98, 5 * 1.02);
        Assert.InRange(spenders.Frequency, 20 * 0.98, 20 * 1.02);
        Assert.InRange(spenders.Monetary, 5000 * 0.98, 5000 * 1.02);
        Assert.InRange(result.Clusters[2].Monetary, 20 * 0.98, 20 * 1.02);
    }

    [Fact]
    public void Every_customer_of_a_group_lands_in_the_same_cluster()
    {
        // Arrange
        var customers = ThreeGroups();

        // Act
        var result = CustomerClusterer.Cluster(customers);

        // Assert: customers keep input order; ids name their group.
        var byGroup = result.Customers.GroupBy(c => c.CustomerId[0]).ToDictionary(g => g.Key, g => g.Select(c => c.Cluster).Distinct().Single());
        Assert.Equal(new Dictionary<char, int> { ['S'] = 1, ['M'] = 2, ['O'] = 3 }, byGroup);
    }

    [Fact]
    public void The_same_customers_give_the_same_clusters()
    {
        // Arrange: a blurry base where k-means has real choices to make.
        var customers = Enumerable.Range(0, 300)
            .Select(i => new CustomerMetrics($"C{i}", (i * 37) % 365, 1 + ((i * 7) % 9), 10m + ((i * 53) % 1000), ""))
            .ToList();

        // Act
        var first = CustomerClusterer.Cluster(customers);
        var second = CustomerClusterer.Cluster(customers);

        // Assert
        Assert.Equal(first.K, second.K);
        Assert.Equal(first.Customers, second.Customers);
        Assert.Equal(first.Clusters, second.Clusters);
    }

    [Fact]
    public void A_given_k_is_used_as_is()
    {
        // Arrange
        var customers = ThreeGroups();

        // Act
        var result = CustomerClusterer.Cluster(customers, new ClusteringOptions(K: 2));

        // Assert: two clusters and only that k scored.
        Assert.Equal(2, result.K);
        Assert.Equal(2, result.Clusters.Count);
        Assert.Equal(2, Assert.Single(result.Candidates).K);
    }

    [Fact]
    public void A_silhouette_sample_smaller_than_the_base_still_finds_the_groups()
    {
        // Arrange
        var customers = ThreeGroups();

        // Act
        var result = CustomerClusterer.Cluster(customers, new ClusteringOptions(SilhouetteSampleSize: 50));

        // Assert
        Assert.Equal(50, result.SilhouetteSampleSize);
        Assert.Equal(3, result.K);
    }

    [Fact]
    public void Identical_customers_form_one_cluster()
    {
        // Arrange
        var customers = Enumerable.Range(0, 5).Select(i => new CustomerMetrics($"C{i}", 10, 2, 50m, "")).ToList();

        // Act
        var result = CustomerClusterer.Cluster(customers);

        // Assert: one distinct point cannot be split; nothing to score.
        Assert.Equal(1, result.K);
        Assert.Equal(5, Assert.Single(result.Clusters).Size);
        Assert.Empty(result.Candidates);
    }

    [Fact]
    public void No_customers_give_no_clusters()
    {
        // Act
        var result = CustomerClusterer.Cluster([]);

        // Assert
        Assert.Equal(0, result.K);
        Assert.Empty(result.Customers);
    }

    /// <summary>
    /// Spenders (S, 40: 5 days, 20 orders, 5000), mid (M, 60: 60 days, 4 orders, 300) and one-off (O, 100:
    /// 200 days, 1 order, 20), each measure jittered by a factor 0.9–1.1 that cycles through the group.
    /// </summary>
    private static List<CustomerMetrics> ThreeGroups()
    {
        static double Jitter(int i) => 0.9 + (0.05 * (i % 5));
        var groups = new (char Id, int Count, double R, double F, double M)[] { ('S', 40, 5, 20, 5000), ('M', 60, 60, 4, 300), ('O', 100, 200, 1, 20) };
        return groups
            .SelectMany(g => Enumerable.Range(0, g.Count).Select(i => new CustomerMetrics(
                $"{g.Id}{i}",
                (int)Math.Round(g.R * Jitter(i)),
                g.F == 1 ? 1 : (int)Math.Round(g.F * Jitter(i + 2)),
                Math.Round((decimal)(g.M * Jitter(i + 4)), 2),
                "")))
            .ToList();
    }
}
