namespace Segments.Core.Recommendations;

/// <summary>
/// The rows of X an EASE fit sees: per customer with at least one covered product, the positions (among the covered
/// products, ascending) and weights of what they did. A customer with nothing covered adds nothing to either Gram matrix.
/// </summary>
internal static class CoveredRows
{
    public static List<(int[] Positions, double[] Weights)> Of(InteractionMatrix matrix, int[] members, CancellationToken cancellationToken)
    {
        var position = Enumerable.Repeat(-1, matrix.Products.Count).ToArray();
        for (var i = 0; i < members.Length; i++)
        {
            position[members[i]] = i;
        }

        var rows = new List<(int[] Positions, double[] Weights)>();
        var positions = new List<int>();
        var weights = new List<double>();
        foreach (var history in matrix.Customers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            positions.Clear();
            weights.Clear();
            for (var k = 0; k < history.Products.Length; k++)
            {
                if (position[history.Products[k]] is var p and >= 0)
                {
                    positions.Add(p);
                    weights.Add(history.Weights[k]);
                }
            }

            if (positions.Count > 0)
            {
                rows.Add((positions.ToArray(), weights.ToArray()));
            }
        }

        return rows;
    }
}
