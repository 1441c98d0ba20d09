using Segments.Core.Clustering;
using Segments.Core.Rfm;

namespace Segments.Core.Scale;

/// <summary>
/// Places a customer in a fitted clustering as k-means placed its own rows: the features scaled as
/// <see cref="RfmFeatureScaling.Fit"/> scales them, then the nearest centroid, the lower label on a tie.
/// </summary>
internal sealed class ClusterPlacement(ClusteringResult clusters)
{
    private readonly double[] _point = new double[RfmFeatureScaling.FeatureCount];

    /// <summary>The customer's cluster number, or null when the population had no customers to cluster.</summary>
    public int? NumberOf(CustomerMetrics customer)
    {
        if (clusters.K == 0 || clusters.LabelCentroids.Count == 0)
        {
            return null;
        }

        var scaling = clusters.Scaling;
        Span<double> raw = [customer.RecencyDays, customer.Frequency, (double)customer.Monetary];
        for (var j = 0; j < RfmFeatureScaling.FeatureCount; j++)
        {
            _point[j] = (Math.Log(1 + Math.Max(0, raw[j])) - scaling.Means[j]) / scaling.StandardDeviations[j];
        }

        var best = 0;
        var bestDistance = double.MaxValue;
        for (var label = 0; label < clusters.LabelCentroids.Count; label++)
        {
            var centroid = clusters.LabelCentroids[label];
            var distance = 0.0;
            for (var j = 0; j < _point.Length; j++)
            {
                var d = _point[j] - centroid[j];
                distance += d * d;
            }

            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = label;
            }
        }

        return clusters.ClusterNumbers[best];
    }
}
