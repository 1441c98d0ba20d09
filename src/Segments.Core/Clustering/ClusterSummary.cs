namespace Segments.Core.Clustering;

/// <summary>One cluster, described by its centroid in original units.</summary>
/// <param name="Cluster">Cluster number, 1 = the highest monetary centroid.</param>
/// <param name="Size">Customers in it.</param>
/// <param name="RecencyDays">Centroid recency in days (geometric-mean sense, see <see cref="RfmFeatureScaling.ToOriginalUnits"/>).</param>
/// <param name="Frequency">Centroid number of orders.</param>
/// <param name="Monetary">Centroid revenue.</param>
public sealed record ClusterSummary(int Cluster, int Size, double RecencyDays, double Frequency, double Monetary);
