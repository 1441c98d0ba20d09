namespace Segments.Core.Clustering;

/// <summary>
/// How customers' recency, frequency and monetary value become clustering features, and back:
/// x ↦ (log(1 + x) − mean) / sd per measure. The logarithm tames the long right tails of frequency and
/// spend (one wholesaler would otherwise be a cluster of its own); standardising gives each measure the
/// same weight in the Euclidean distance.
/// </summary>
/// <param name="Means">Mean of log(1 + x) for recency days, frequency, monetary.</param>
/// <param name="StandardDeviations">Population standard deviation of the same; 1 for a constant measure, which then contributes nothing.</param>
public sealed record RfmFeatureScaling(IReadOnlyList<double> Means, IReadOnlyList<double> StandardDeviations)
{
    /// <summary>Number of features: recency days, frequency, monetary.</summary>
    public const int FeatureCount = 3;

    /// <summary>The standardised features of raw measures (recency days, frequency, monetary), in that order.</summary>
    public static (FeatureMatrix Features, RfmFeatureScaling Scaling) Fit(IReadOnlyList<(double RecencyDays, double Frequency, double Monetary)> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var n = customers.Count;
        var values = new double[n * FeatureCount];
        for (var i = 0; i < n; i++)
        {
            values[i * FeatureCount] = Math.Log(1 + Math.Max(0, customers[i].RecencyDays));
            values[(i * FeatureCount) + 1] = Math.Log(1 + Math.Max(0, customers[i].Frequency));
            values[(i * FeatureCount) + 2] = Math.Log(1 + Math.Max(0, customers[i].Monetary));
        }

        var means = new double[FeatureCount];
        var deviations = new double[FeatureCount];
        for (var j = 0; j < FeatureCount; j++)
        {
            var mean = 0.0;
            for (var i = 0; i < n; i++)
            {
                mean += values[(i * FeatureCount) + j];
            }

            mean = n > 0 ? mean / n : 0;
            var variance = 0.0;
            for (var i = 0; i < n; i++)
            {
                var d = values[(i * FeatureCount) + j] - mean;
                variance += d * d;
            }

            var sd = n > 0 ? Math.Sqrt(variance / n) : 0;
            means[j] = mean;
            deviations[j] = sd > 1e-12 ? sd : 1;
            for (var i = 0; i < n; i++)
            {
                values[(i * FeatureCount) + j] = (values[(i * FeatureCount) + j] - mean) / deviations[j];
            }
        }

        return (new FeatureMatrix(values, n, FeatureCount), new RfmFeatureScaling(means, deviations));
    }

    /// <summary>
    /// A point of feature space in original units: exp(z·sd + mean) − 1 per measure. For a centroid this is
    /// the geometric mean of (1 + x) over the cluster, minus 1: a typical member, not pulled by outliers.
    /// </summary>
    public (double RecencyDays, double Frequency, double Monetary) ToOriginalUnits(IReadOnlyList<double> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        double Original(int j) => Math.Exp((point[j] * StandardDeviations[j]) + Means[j]) - 1;
        return (Original(0), Original(1), Original(2));
    }
}
