namespace Segments.Core.Clustering;

/// <summary>How customers are clustered.</summary>
/// <param name="K">Number of clusters; null to choose it in <paramref name="MinK"/>..<paramref name="MaxK"/> by mean silhouette.</param>
/// <param name="MinK">Smallest k tried.</param>
/// <param name="MaxK">Largest k tried: beyond eight, clusters stop being something a marketer can name.</param>
/// <param name="SilhouetteSampleSize">
/// Customers the silhouette is measured on. Silhouette is O(n²); 3,000 points keep each k under a second
/// on one core and estimate the mean silhouette to about ±0.01 (its standard error is sd/√3000 with sd ≤ 0.5).
/// </param>
/// <param name="KMeans">Seed, restarts and iteration bound of each fit.</param>
public sealed record ClusteringOptions(int? K = null, int MinK = 2, int MaxK = 8, int SilhouetteSampleSize = 3_000, KMeansOptions? KMeans = null)
{
    /// <summary>Choose k in 2..8 with the default seed.</summary>
    public static ClusteringOptions Default { get; } = new();
}
