using MathNet.Numerics.LinearAlgebra;

namespace Segments.Core.Recommendations;

/// <summary>
/// EASE, "Embarrassingly Shallow Autoencoders for Sparse Data" (Steck, WWW 2019): the item-to-item weights B that
/// minimise ‖X − XB‖² + λ‖B‖² with a zero diagonal have the closed form P = (XᵀX + λI)⁻¹, B = −P / diag(P) column
/// by column, B_ii = 0. One dense inversion of a products × products matrix: memory m² × 8 bytes for the Gram
/// matrix and as much again for the factor and the inverse, time m³. So the model covers the
/// <see cref="RecommendationOptions.MaxDenseProducts"/> most bought products (all of them in a catalog of a few
/// thousand); the rarer ones are neither learnt from nor recommended by it.
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

    /// <summary>XᵀX over <paramref name="members"/>, column-major (it is symmetric), the part every λ shares.</summary>
    public static double[] Gram(InteractionMatrix matrix, int[] members, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(members);
        var m = members.Length;
        var position = Enumerable.Repeat(-1, matrix.Products.Count).ToArray();
        for (var i = 0; i < m; i++)
        {
            position[members[i]] = i;
        }

        var gram = new double[(long)m * m];
        var covered = new List<(int Position, float Weight)>();
        foreach (var history in matrix.Customers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            covered.Clear();
            for (var k = 0; k < history.Products.Length; k++)
            {
                if (position[history.Products[k]] is var p and >= 0)
                {
                    covered.Add((p, history.Weights[k]));
                }
            }

            foreach (var (a, wa) in covered)
            {
                var row = (long)a * m;
                foreach (var (b, wb) in covered)
                {
                    gram[row + b] += wa * wb;
                }
            }
        }

        return gram;
    }

    /// <summary>
    /// Fits B for ridge penalty <paramref name="lambda"/> (&gt; 0, so the inverse exists) from <paramref name="gram"/>
    /// over <paramref name="members"/> of <paramref name="products"/>.
    /// </summary>
    public static DenseItemWeights Fit(double[] gram, int products, int[] members, double lambda)
    {
        ArgumentNullException.ThrowIfNull(gram);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lambda);
        var m = members.Length;

        // λ is added to the diagonal in place and taken off again after the factorisation: no copy of m² doubles.
        AddToDiagonal(gram, m, lambda);
        var factor = Matrix<double>.Build.Dense(m, m, gram).Cholesky();
        AddToDiagonal(gram, m, -lambda);
        var p = factor.Solve(Matrix<double>.Build.DenseIdentity(m));
        var inverse = p.AsColumnMajorArray() ?? p.ToColumnMajorArray();
        var weights = new float[(long)m * m];
        for (var to = 0; to < m; to++)
        {
            var diagonal = inverse[((long)to * m) + to];
            for (var from = 0; from < m; from++)
            {
                // P is symmetric: P[from, to] is at column `to`, row `from` of the column-major array.
                weights[((long)from * m) + to] = from == to ? 0f : (float)(-inverse[((long)to * m) + from] / diagonal);
            }
        }

        return new DenseItemWeights(products, members, weights);
    }

    /// <summary>Fits EASE on <paramref name="matrix"/> with its <paramref name="maxProducts"/> most bought products.</summary>
    public static DenseItemWeights Fit(InteractionMatrix matrix, double lambda, int maxProducts, CancellationToken cancellationToken = default)
    {
        var members = Members(matrix, maxProducts);
        return Fit(Gram(matrix, members, cancellationToken), matrix.Products.Count, members, lambda);
    }

    private static void AddToDiagonal(double[] matrix, int n, double value)
    {
        for (var i = 0; i < n; i++)
        {
            matrix[((long)i * n) + i] += value;
        }
    }
}
