using Segments.Core.Randomness;
namespace Segments.Core.Clustering;

/// <summary>
/// Lloyd's k-means with k-means++ seeding (Arthur &amp; Vassilvitskii 2007, "k-means++: the advantages of
/// careful seeding"), single-threaded and seeded so that the same input always gives the same clusters.
/// </summary>
public static class KMeans
{
    /// <summary>Clusters the rows of <paramref name="data"/> into <paramref name="k"/> groups.</summary>
    /// <exception cref="ArgumentException"><paramref name="k"/> exceeds the number of distinct rows.</exception>
    public static KMeansFit Fit(FeatureMatrix data, int k, KMeansOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, data.Rows);
        options ??= new KMeansOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Restarts, 1);

        var random = new SplitMix64(options.Seed);
        KMeansFit? best = null;
        for (var restart = 0; restart < options.Restarts; restart++)
        {
            var centroids = Seed(data, k, random);
            var fit = Lloyd(data, centroids, options.MaxIterations);

            // Strictly lower: on a tie the earlier restart stays, which keeps the choice deterministic.
            if (best is null || fit.Inertia < best.Inertia)
            {
                best = fit;
            }
        }

        return best!;
    }

    /// <summary>
    /// k-means++: the first centre is a uniformly drawn row, each next one a row drawn with probability
    /// proportional to its squared distance to the nearest centre chosen so far.
    /// </summary>
    private static double[] Seed(FeatureMatrix data, int k, SplitMix64 random)
    {
        var dim = data.Columns;
        var centroids = new double[k * dim];
        data.Row(random.NextInt(data.Rows)).CopyTo(centroids);

        var nearest = new double[data.Rows];
        for (var i = 0; i < data.Rows; i++)
        {
            nearest[i] = FeatureMatrix.SquaredDistance(data.Row(i), centroids.AsSpan(0, dim));
        }

        for (var c = 1; c < k; c++)
        {
            var total = 0.0;
            foreach (var d in nearest)
            {
                total += d;
            }

            if (total <= 0)
            {
                throw new ArgumentException($"Cannot place {k} centres: the data has only {c} distinct points.", nameof(k));
            }

            var target = random.NextDouble() * total;
            var chosen = data.Rows - 1;
            var cumulative = 0.0;
            for (var i = 0; i < data.Rows; i++)
            {
                cumulative += nearest[i];
                if (cumulative > target && nearest[i] > 0)
                {
                    chosen = i;
                    break;
                }
            }

            // Rounding can run the cumulative sum out before the target; the last row with any weight is then the draw.
            while (nearest[chosen] <= 0)
            {
                chosen--;
            }

            var centre = centroids.AsSpan(c * dim, dim);
            data.Row(chosen).CopyTo(centre);
            for (var i = 0; i < data.Rows; i++)
            {
                nearest[i] = Math.Min(nearest[i], FeatureMatrix.SquaredDistance(data.Row(i), centre));
            }
        }

        return centroids;
    }

    /// <summary>Alternates assignment and centroid update until no row changes cluster.</summary>
    private static KMeansFit Lloyd(FeatureMatrix data, double[] centroids, int maxIterations)
    {
        var dim = data.Columns;
        var k = centroids.Length / dim;
        var labels = new int[data.Rows];
        Array.Fill(labels, -1);
        var distances = new double[data.Rows];
        var iterations = 0;
        var converged = false;
        while (!converged && iterations < maxIterations)
        {
            iterations++;
            converged = !Assign(data, centroids, labels, distances);
            if (!converged)
            {
                Update(data, centroids, labels, distances);
            }
        }

        if (!converged)
        {
            // Out of iterations right after an update: label every row by the final centroids.
            Assign(data, centroids, labels, distances);
        }

        var inertia = 0.0;
        foreach (var d in distances)
        {
            inertia += d;
        }

        var centres = Enumerable.Range(0, k).Select(c => centroids.AsSpan(c * dim, dim).ToArray()).ToArray();
        return new KMeansFit(k, centres, labels, inertia, iterations);
    }

    /// <summary>Moves every row to its nearest centroid (the lower index on a tie); true when any row moved.</summary>
    private static bool Assign(FeatureMatrix data, double[] centroids, int[] labels, double[] distances)
    {
        var dim = data.Columns;
        var k = centroids.Length / dim;
        var changed = false;
        for (var i = 0; i < data.Rows; i++)
        {
            var row = data.Row(i);
            var bestCluster = 0;
            var bestDistance = double.MaxValue;
            for (var c = 0; c < k; c++)
            {
                var d = FeatureMatrix.SquaredDistance(row, centroids.AsSpan(c * dim, dim));
                if (d < bestDistance)
                {
                    bestDistance = d;
                    bestCluster = c;
                }
            }

            distances[i] = bestDistance;
            if (labels[i] != bestCluster)
            {
                labels[i] = bestCluster;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>
    /// Sets each centroid to the mean of its rows. A cluster left empty takes the row farthest from its
    /// own centroid, so k clusters survive and the worst-fitted point gets a centre of its own.
    /// </summary>
    private static void Update(FeatureMatrix data, double[] centroids, int[] labels, double[] distances)
    {
        var dim = data.Columns;
        var k = centroids.Length / dim;
        var counts = new int[k];
        Array.Clear(centroids);
        for (var i = 0; i < data.Rows; i++)
        {
            var row = data.Row(i);
            var centre = centroids.AsSpan(labels[i] * dim, dim);
            for (var j = 0; j < dim; j++)
            {
                centre[j] += row[j];
            }

            counts[labels[i]]++;
        }

        for (var c = 0; c < k; c++)
        {
            var centre = centroids.AsSpan(c * dim, dim);
            if (counts[c] > 0)
            {
                for (var j = 0; j < dim; j++)
                {
                    centre[j] /= counts[c];
                }

                continue;
            }

            var farthest = 0;
            for (var i = 1; i < data.Rows; i++)
            {
                if (distances[i] > distances[farthest])
                {
                    farthest = i;
                }
            }

            data.Row(farthest).CopyTo(centre);
            distances[farthest] = 0;
        }
    }
}
