namespace Segments.Core.Clustering;

/// <summary>How well one number of clusters fitted, for the run record.</summary>
/// <param name="K">Number of clusters tried.</param>
/// <param name="MeanSilhouette">Mean silhouette on the sample (higher is better, at most 1).</param>
/// <param name="Inertia">Sum of squared distances to the centroids in standardised feature space.</param>
public sealed record ClusterCountScore(int K, double MeanSilhouette, double Inertia);
