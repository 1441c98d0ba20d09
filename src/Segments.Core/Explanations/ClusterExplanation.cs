using Segments.Core.Clustering;

namespace Segments.Core.Explanations;

/// <summary>
/// A behavioural cluster in words: the distance from the customer to each centroid in the space k-means
/// worked in (standardised log(1 + x) of recency, frequency and revenue; see <see cref="RfmFeatureScaling"/>),
/// and what a typical member of the cluster looks like.
/// </summary>
public static class ClusterExplanation
{
    /// <summary>E.g. <c>Cluster 2: nearest of 2 centroids (distance 0.41; next: cluster 1 at 2.05); its typical customer last ordered 92 days ago, placed 1.5 orders and spent 332.00</c>.</summary>
    public static string Explain(int cluster, int recencyDays, int frequency, decimal monetary, IReadOnlyList<ClusterSummary> clusters, RfmFeatureScaling? scaling)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var own = clusters.FirstOrDefault(c => c.Cluster == cluster);
        var typical = own is null
            ? string.Empty
            : $"; its typical customer last ordered {ExplanationNumbers.Number(own.RecencyDays)} days ago, placed {ExplanationNumbers.Number(own.Frequency)} orders and spent {ExplanationNumbers.Money((decimal)own.Monetary)}";
        if (scaling is null || clusters.Count == 0)
        {
            return $"Cluster {cluster}: assigned by k-means on recency, frequency and revenue{typical}";
        }

        var point = Standardise(scaling, recencyDays, frequency, (double)monetary);
        var distances = clusters
            .Select(c => (c.Cluster, Distance: Distance(point, Standardise(scaling, c.RecencyDays, c.Frequency, c.Monetary))))
            .OrderBy(d => d.Distance)
            .ToList();
        var mine = distances.First(d => d.Cluster == cluster);
        var others = distances.Where(d => d.Cluster != cluster).ToList();
        var nearest = distances[0].Cluster == cluster ? $"nearest of {clusters.Count} centroids" : $"assigned by k-means ({clusters.Count} centroids)";
        var next = others.Count == 0 ? string.Empty : $"; next: cluster {others[0].Cluster} at {ExplanationNumbers.Number(Math.Round(others[0].Distance, 2))}";
        return $"Cluster {cluster}: {nearest} in standardised log recency/frequency/revenue (distance {ExplanationNumbers.Number(Math.Round(mine.Distance, 2))}{next}){typical}";
    }

    private static double[] Standardise(RfmFeatureScaling scaling, double recencyDays, double frequency, double monetary)
    {
        double Z(int j, double x) => (Math.Log(1 + Math.Max(0, x)) - scaling.Means[j]) / scaling.StandardDeviations[j];
        return [Z(0, recencyDays), Z(1, frequency), Z(2, monetary)];
    }

    private static double Distance(double[] a, double[] b) =>
        Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
