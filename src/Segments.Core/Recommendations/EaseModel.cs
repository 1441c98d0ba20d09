namespace Segments.Core.Recommendations;

/// <summary>
/// EASE, "Embarrassingly Shallow Autoencoders for Sparse Data" (Steck, WWW 2019): the item-to-item weights B that
/// minimise ‖X − XB‖² + λ‖B‖² with a zero diagonal have the closed form P = (XᵀX + λI)⁻¹, B = −P / diag(P) column
/// by column, B_ii = 0. One dense inversion (of the products × products Gram matrix, or of the customers × customers
/// one when fewer customers take part: <see cref="EaseProblem"/>): memory m² × 8 bytes and as much again for the
/// inverse. So the model covers the <see cref="RecommendationOptions.MaxDenseProducts"/> most bought products (all of
/// them in a catalog of a few thousand); the rarer ones are neither learnt from nor recommended by it.
/// </summary>
public static class EaseModel
{
    /// <summary>The products EASE covers: the <paramref name="max"/> most bought, ascending by index.</summary>
    public static int[] Members(InteractionMatrix matrix, int max)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return matrix.Products.Count <= max
            ? Enumerable.Range(0, matrix.Products.Count).ToArray()
            : matrix.ByPopularity().Take(max).Order().ToArray();
    }

    /// <summary>Fits EASE on <paramref name="matrix"/> with its <paramref name="maxProducts"/> most bought products.</summary>
    public static DenseItemWeights Fit(InteractionMatrix matrix, double lambda, int maxProducts, CancellationToken cancellationToken = default) =>
        EaseProblem.For(matrix, Members(matrix, maxProducts), cancellationToken).Fit(lambda);

    /// <summary>XᵀX over the covered products (<paramref name="m"/> of them), column-major (it is symmetric).</summary>
    internal static double[] Gram(List<(int[] Positions, double[] Weights)> rows, int m, CancellationToken cancellationToken)
    {
        var gram = new double[(long)m * m];
        foreach (var (positions, weights) in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var a = 0; a < positions.Length; a++)
            {
                var row = (long)positions[a] * m;
                var wa = weights[a];
                for (var b = 0; b < positions.Length; b++)
                {
                    gram[row + positions[b]] += wa * weights[b];
                }
            }
        }

        return gram;
    }
}
