using MathNet.Numerics.LinearAlgebra;

namespace Segments.Core.Recommendations;

/// <summary>
/// EASE by its own closed form: P = (XᵀX + λI)⁻¹ over the m covered products, B = −P / diag(P) column by column, B_ii = 0.
/// One Cholesky factorisation and inversion of an m × m matrix per λ.
/// </summary>
internal sealed class PrimalEaseProblem(int products, int[] members, double[] gram) : EaseProblem
{
    public override DenseItemWeights Fit(double lambda)
    {
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

    private static void AddToDiagonal(double[] matrix, int n, double value)
    {
        for (var i = 0; i < n; i++)
        {
            matrix[((long)i * n) + i] += value;
        }
    }
}
