namespace Segments.Core.Clustering;

/// <summary>The behavioural clusters of one customer base.</summary>
/// <param name="K">Number of clusters used.</param>
/// <param name="Clusters">Every cluster, numbered 1..K.</param>
/// <param name="Customers">Every customer's cluster, in input order.</param>
/// <param name="Candidates">Every k tried with its score (only the given k when k was fixed; empty with fewer than two distinct customers).</param>
/// <param name="SilhouetteSampleSize">Customers the silhouette was measured on.</param>
/// <param name="Scaling">The feature scaling, to place other customers in the same space.</param>
public sealed record ClusteringResult(
    int K,
    IReadOnlyList<ClusterSummary> Clusters,
    IReadOnlyList<CustomerCluster> Customers,
    IReadOnlyList<ClusterCountScore> Candidates,
    int SilhouetteSampleSize,
    RfmFeatureScaling Scaling)
{
    /// <summary>
    /// The fitted centroids in feature space, in k-means label order (not cluster-number order), so that a customer
    /// outside the fitted set is placed exactly as k-means placed its own rows: nearest centroid, lower label on a tie.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> LabelCentroids { get; init; } = [];

    /// <summary>The cluster number (1-based) of each k-means label: <c>ClusterNumbers[label]</c>.</summary>
    public IReadOnlyList<int> ClusterNumbers { get; init; } = [];
}
