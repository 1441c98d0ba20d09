using Segments.Core.Clustering;
using Segments.Core.Explanations;
using Segments.Core.Segmentation;

namespace Segments.Core.Tests.Explanations;

public sealed class ClusterAndPredictionExplanationTests
{
    // Means 0 and deviations 1: a point's coordinates are log(1 + x). Cluster 1 sits at (9 days, 9 orders, 99),
    // i.e. (ln 10, ln 10, ln 100); cluster 2 at (99 days, 0 orders, 9), i.e. (ln 100, 0, ln 10).
    private static readonly RfmFeatureScaling Identity = new([0.0, 0.0, 0.0], [1.0, 1.0, 1.0]);
    private static readonly ClusterSummary[] Clusters = [new(1, 10, 9, 9, 99), new(2, 20, 99, 0, 9)];

    [Fact]
    public void Cluster_is_explained_by_the_distance_to_each_centroid()
    {
        // A customer on cluster 1's centroid is ln 10 away from cluster 2 on each axis: ln 10 × √3 = 3.99.
        Assert.Equal(
            "Cluster 1: nearest of 2 centroids in standardised log recency/frequency/revenue (distance 0; next: cluster 2 at 3.99); its typical customer last ordered 9 days ago, placed 9 orders and spent 99.00",
            ClusterExplanation.Explain(1, 9, 9, 99m, Clusters, Identity));
    }

    [Fact]
    public void Without_the_scaling_the_cluster_is_described_by_its_typical_customer()
    {
        Assert.Equal(
            "Cluster 2: assigned by k-means on recency, frequency and revenue; its typical customer last ordered 99 days ago, placed 0 orders and spent 9.00",
            ClusterExplanation.Explain(2, 100, 1, 10m, Clusters, null));
    }

    [Fact]
    public void Predictions_are_put_in_words_with_the_model_that_made_them()
    {
        var prediction = new CustomerPrediction(0.9731, 1.234, 3.5, 12.1, 420.5, 5120);

        Assert.Equal(
            "P(alive) 0.9731: the BG/NBD model gives a 97.31% chance that this customer is still an active buyer; expected purchases 1.23 in the next 30 days, 3.5 in 90, 12.1 in 365; expected order value 420.50; 12-month CLV 5,120.00",
            PredictionExplanation.Explain(prediction, "bgnbd"));
    }

    [Fact]
    public void Predictions_without_a_spend_model_leave_out_value()
    {
        Assert.Equal(
            "P(alive) 0.5: the MBG/NBD model gives a 50% chance that this customer is still an active buyer; expected purchases 0.1 in the next 30 days, 0.3 in 90, 1 in 365",
            PredictionExplanation.Explain(new CustomerPrediction(0.5, 0.1, 0.3, 1.0, null, null), "mbgnbd"));
    }
}
