namespace Segments.Core.Recommendations;

/// <summary>
/// What every λ of an EASE fit over one matrix and one set of products shares, computed once. Two exact forms of
/// the same closed-form solution, chosen by shape: <see cref="PrimalEaseProblem"/> inverts the products × products
/// Gram matrix (time m³), <see cref="DualEaseProblem"/> the customers × customers one (time n³ plus the nonzeros),
/// which is far cheaper when fewer customers than products take part — a young shop, a sample, a holdout's training side.
/// </summary>
public abstract class EaseProblem
{
    /// <summary>The problem of fitting <paramref name="members"/> (indexes among the matrix's products) on <paramref name="matrix"/>.</summary>
    public static EaseProblem For(InteractionMatrix matrix, int[] members, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(members);
        var rows = CoveredRows.Of(matrix, members, cancellationToken);
        return rows.Count < members.Length
            ? new DualEaseProblem(matrix.Products.Count, members, rows)
            : new PrimalEaseProblem(matrix.Products.Count, members, EaseModel.Gram(rows, members.Length, cancellationToken));
    }

    /// <summary>Fits B for ridge penalty <paramref name="lambda"/> (&gt; 0).</summary>
    public abstract DenseItemWeights Fit(double lambda);
}
