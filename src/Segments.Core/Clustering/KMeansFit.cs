namespace Segments.Core.Clustering;

/// <summary>The result of k-means on a feature matrix.</summary>
/// <param name="K">Number of clusters.</param>
/// <param name="Centroids">One centroid per cluster, in the matrix's feature space.</param>
/// <param name="Labels">Cluster (0 to K − 1) of every row, in row order.</param>
/// <param name="Inertia">Sum of squared distances from each row to its centroid.</param>
/// <param name="Iterations">Lloyd iterations of the kept restart.</param>
public sealed record KMeansFit(int K, IReadOnlyList<double[]> Centroids, IReadOnlyList<int> Labels, double Inertia, int Iterations);
