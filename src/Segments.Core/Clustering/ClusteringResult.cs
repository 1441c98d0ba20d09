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
    RfmFeatureScaling Scaling);
