using Segments.Core.Rfm;

namespace Segments.Core.Clustering;

/// <summary>
/// Groups customers by behaviour: k-means on standardised log(1 + recency days), log(1 + frequency) and
/// log(1 + monetary), with k given or chosen by the highest mean silhouette.
/// </summary>
public static class CustomerClusterer
{
    /// <summary>
    /// Clusters <paramref name="customers"/>. Clusters are numbered by centroid, highest monetary first
    /// (then higher frequency, then more recent), so that numbers mean roughly the same across runs.
    /// k is capped by the number of distinct customers; with fewer than two there is one cluster.
    /// </summary>
    public static ClusteringResult Cluster(IReadOnlyList<CustomerMetrics> customers, ClusteringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        options ??= ClusteringOptions.Default;
        Validate(options);
        var kmeans = options.KMeans ?? new KMeansOptions();

        var (features, scaling) = RfmFeatureScaling.Fit(
            customers.Select(c => ((double)c.RecencyDays, (double)c.Frequency, (double)c.Monetary)).ToList());
        if (customers.Count == 0)
        {
            return new ClusteringResult(0, [], [], [], 0, scaling);
        }

        var sample = DeterministicSample.Indices(features.Rows, options.SilhouetteSampleSize, kmeans.Seed);
        var distinct = features.CountDistinctRows();
        var (fit, candidates) = options.K is { } k
            ? FitGiven(features, Math.Min(k, distinct), sample, kmeans)
            : ChooseK(features, options.MinK, Math.Min(options.MaxK, distinct), sample, kmeans);

        return Describe(customers, scaling, fit, candidates, sample.Count);
    }

    private static (KMeansFit Fit, IReadOnlyList<ClusterCountScore> Candidates) FitGiven(FeatureMatrix features, int k, IReadOnlyList<int> sample, KMeansOptions kmeans)
    {
        var fit = KMeans.Fit(features, k, kmeans);
        IReadOnlyList<ClusterCountScore> scores = k >= 2 ? [Score(features, fit, sample)] : [];
        return (fit, scores);
    }

    /// <summary>Fits every k in range and keeps the highest mean silhouette; a tie keeps the smaller k (the simpler story).</summary>
    private static (KMeansFit Fit, IReadOnlyList<ClusterCountScore> Candidates) ChooseK(FeatureMatrix features, int minK, int maxK, IReadOnlyList<int> sample, KMeansOptions kmeans)
    {
        if (maxK < 2)
        {
            return (KMeans.Fit(features, 1, kmeans), []);
        }

        var candidates = new List<ClusterCountScore>();
        KMeansFit? best = null;
        var bestScore = double.NegativeInfinity;
        for (var k = Math.Min(minK, maxK); k <= maxK; k++)
        {
            var fit = KMeans.Fit(features, k, kmeans);
            var score = Score(features, fit, sample);
            candidates.Add(score);
            if (score.MeanSilhouette > bestScore)
            {
                best = fit;
                bestScore = score.MeanSilhouette;
            }
        }

        return (best!, candidates);
    }

    private static ClusterCountScore Score(FeatureMatrix features, KMeansFit fit, IReadOnlyList<int> sample) =>
        new(fit.K, Silhouette.Mean(features, fit.Labels, fit.K, sample), fit.Inertia);

    private static ClusteringResult Describe(
        IReadOnlyList<CustomerMetrics> customers,
        RfmFeatureScaling scaling,
        KMeansFit fit,
        IReadOnlyList<ClusterCountScore> candidates,
        int sampleSize)
    {
        var sizes = new int[fit.K];
        foreach (var label in fit.Labels)
        {
            sizes[label]++;
        }

        var ordered = Enumerable.Range(0, fit.K)
            .Select(label => (Label: label, Centroid: scaling.ToOriginalUnits(fit.Centroids[label])))
            .OrderByDescending(c => c.Centroid.Monetary)
            .ThenByDescending(c => c.Centroid.Frequency)
            .ThenBy(c => c.Centroid.RecencyDays)
            .ThenBy(c => c.Label)
            .ToList();
        var numberOf = new int[fit.K];
        for (var i = 0; i < ordered.Count; i++)
        {
            numberOf[ordered[i].Label] = i + 1;
        }

        var clusters = ordered
            .Select(c => new ClusterSummary(numberOf[c.Label], sizes[c.Label], c.Centroid.RecencyDays, c.Centroid.Frequency, c.Centroid.Monetary))
            .ToList();
        var assignments = customers.Select((c, i) => new CustomerCluster(c.CustomerId, numberOf[fit.Labels[i]])).ToList();
        return new ClusteringResult(fit.K, clusters, assignments, candidates, sampleSize, scaling)
        {
            LabelCentroids = fit.Centroids.Select(c => (IReadOnlyList<double>)[.. c]).ToList(),
            ClusterNumbers = numberOf,
        };
    }

    private static void Validate(ClusteringOptions options)
    {
        if (options.K is { } k)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(k, 1, nameof(options.K));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinK, 2, nameof(options.MinK));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxK, options.MinK, nameof(options.MaxK));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SilhouetteSampleSize, 2, nameof(options.SilhouetteSampleSize));
    }
}
