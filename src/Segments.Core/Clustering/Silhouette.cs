namespace Segments.Core.Clustering;

/// <summary>
/// The mean silhouette (Rousseeuw 1987, "Silhouettes: a graphical aid to the interpretation and validation
/// of cluster analysis"): for a point, a = mean distance to the other points of its cluster, b = the
/// lowest mean distance to the points of another cluster, s = (b − a) / max(a, b). Near 1 the clusters
/// are compact and far apart; near 0 they overlap.
/// </summary>
public static class Silhouette
{
    /// <summary>
    /// Mean silhouette over the rows in <paramref name="sample"/>, with distances taken to the other sampled
    /// rows only (as scikit-learn's <c>silhouette_score(sample_size=…)</c> does): exact when the sample is
    /// every row, O(sample²) instead of O(n²) otherwise. A point alone in its cluster within the sample
    /// scores 0, the usual convention. Fewer than two clusters in the sample give 0.
    /// </summary>
    public static double Mean(FeatureMatrix data, IReadOnlyList<int> labels, int k, IReadOnlyList<int> sample)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.Count == 0)
        {
            return 0;
        }

        var sampleLabels = new int[sample.Count];
        var clusterSizes = new int[k];
        for (var s = 0; s < sample.Count; s++)
        {
            sampleLabels[s] = labels[sample[s]];
            clusterSizes[sampleLabels[s]]++;
        }

        if (clusterSizes.Count(size => size > 0) < 2)
        {
            return 0;
        }

        var sums = new double[k];
        var total = 0.0;
        for (var s = 0; s < sample.Count; s++)
        {
            Array.Clear(sums);
            var row = data.Row(sample[s]);
            for (var t = 0; t < sample.Count; t++)
            {
                if (t != s)
                {
                    sums[sampleLabels[t]] += Math.Sqrt(FeatureMatrix.SquaredDistance(row, data.Row(sample[t])));
                }
            }

            total += PointSilhouette(sums, clusterSizes, sampleLabels[s]);
        }

        return total / sample.Count;
    }

    private static double PointSilhouette(double[] sums, int[] clusterSizes, int own)
    {
        var ownOthers = clusterSizes[own] - 1;
        if (ownOthers == 0)
        {
            return 0;
        }

        var a = sums[own] / ownOthers;
        var b = double.MaxValue;
        for (var c = 0; c < sums.Length; c++)
        {
            if (c != own && clusterSizes[c] > 0)
            {
                b = Math.Min(b, sums[c] / clusterSizes[c]);
            }
        }

        var scale = Math.Max(a, b);
        return scale > 0 ? (b - a) / scale : 0;
    }
}
