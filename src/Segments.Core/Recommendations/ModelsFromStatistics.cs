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
    public static SparseItemWeights Cosine(PairStatistics statistics, int neighbours, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var n = statistics.Products.Count;
        var rows = new int[n][];
        var weights = new float[n][];
        var norms = statistics.Norms;
        var row = new List<(int Product, double Similarity)>();
        for (var i = 0; i < n; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            row.Clear();
            for (var j = 0; j < n; j++)
            {
                // A pair no customer did both with sums to 0 (weights are positive): not a neighbour, as in ItemCosineModel.
                if (j != i && statistics.Pair(i, j) is var sum and not 0)
                {
                    row.Add((j, sum / Math.Sqrt(norms[i] * norms[j])));
                }
            }

            var top = row
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
    public static EaseProblem Ease(PairStatistics statistics, int maxProducts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var members = EaseModel.Members(statistics.Catalogue(), maxProducts);
        var m = members.Length;
        var gram = new double[(long)m * m];
        for (var a = 0; a < m; a++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = (long)a * m;
            for (var b = 0; b < m; b++)
            {
                gram[row + b] = a == b ? statistics.Norms[members[a]] : statistics.Pair(members[a], members[b]);
            }
        }

        return new PrimalEaseProblem(statistics.Products.Count, members, gram);
    }
}
