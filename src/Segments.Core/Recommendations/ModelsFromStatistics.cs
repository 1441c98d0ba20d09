namespace Segments.Core.Recommendations;

/// <summary>
/// Item cosine and EASE fitted from <see cref="InteractionStatistics"/> instead of the customers' rows: the same
/// sums, so the same models (<see cref="ItemCosineModel"/>, <see cref="EaseModel"/>). EASE takes its primal form
/// from the Gram matrix; the dual (Woodbury) form needs the customers' rows, which merged statistics no longer have,
/// and gives the same weights up to rounding (EaseProblemTests).
/// </summary>
public static class ModelsFromStatistics
{
    /// <summary>The cosine model: each product's <paramref name="neighbours"/> most similar, as <see cref="ItemCosineModel.Fit"/> keeps them.</summary>
    public static SparseItemWeights Cosine(InteractionStatistics statistics, int neighbours, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var n = statistics.Products.Count;
        var rows = new int[n][];
        var weights = new float[n][];
        var norms = statistics.Norms;
        for (var i = 0; i < n; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = statistics.Neighbours[i];
            var sums = statistics.Sums[i];
            var top = row
                .Select((j, e) => (Product: j, Similarity: sums[e] / Math.Sqrt(norms[i] * norms[j])))
                .OrderByDescending(x => x.Similarity)
                .ThenBy(x => x.Product)
                .Take(neighbours)
                .OrderBy(x => x.Product)
                .ToArray();
            rows[i] = top.Select(x => x.Product).ToArray();
            weights[i] = top.Select(x => (float)x.Similarity).ToArray();
        }

        return new SparseItemWeights(rows, weights);
    }

    /// <summary>
    /// The EASE problem over the <paramref name="maxProducts"/> most bought products (<see cref="EaseModel.Members"/>),
    /// from the Gram matrix XᵀX the statistics hold: the norms on the diagonal, the pair sums off it.
    /// </summary>
    public static EaseProblem Ease(InteractionStatistics statistics, int maxProducts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var members = EaseModel.Members(statistics.Catalogue(), maxProducts);
        var position = Enumerable.Repeat(-1, statistics.Products.Count).ToArray();
        for (var a = 0; a < members.Length; a++)
        {
            position[members[a]] = a;
        }

        var m = members.Length;
        var gram = new double[(long)m * m];
        for (var a = 0; a < m; a++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var product = members[a];
            var row = (long)a * m;
            gram[row + a] = statistics.Norms[product];
            var neighbours = statistics.Neighbours[product];
            var sums = statistics.Sums[product];
            for (var e = 0; e < neighbours.Length; e++)
            {
                if (position[neighbours[e]] is var b and >= 0)
                {
                    gram[row + b] = sums[e];
                }
            }
        }

        return new PrimalEaseProblem(statistics.Products.Count, members, gram);
    }
}
