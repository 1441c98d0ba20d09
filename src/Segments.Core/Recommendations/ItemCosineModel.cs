namespace Segments.Core.Recommendations;

/// <summary>
/// Item-to-item cosine of co-purchase (Sarwar et al. 2001; Linden, Smith &amp; York 2003, Amazon): the similarity of
/// two products is the cosine of their customer columns; each product keeps its k most similar. Sparse throughout:
/// time grows with the sum over customers of their products squared, memory with products × k.
/// </summary>
public static class ItemCosineModel
{
    /// <summary>Fits the model on <paramref name="matrix"/>, keeping <paramref name="neighbours"/> per product.</summary>
    public static SparseItemWeights Fit(InteractionMatrix matrix, int neighbours, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.Products.Count;
        var customersOf = new List<(int Customer, float Weight)>[n];
        for (var i = 0; i < n; i++)
        {
            customersOf[i] = [];
        }

        var norms = new double[n];
        for (var c = 0; c < matrix.Customers.Count; c++)
        {
            var history = matrix.Customers[c];
            for (var k = 0; k < history.Products.Length; k++)
            {
                customersOf[history.Products[k]].Add((c, history.Weights[k]));
                norms[history.Products[k]] += history.Weights[k] * history.Weights[k];
            }
        }

        var rows = new int[n][];
        var weights = new float[n][];
        var scratch = new double[n];
        var touched = new List<int>();
        for (var i = 0; i < n; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            touched.Clear();
            foreach (var (customer, weight) in customersOf[i])
            {
                var history = matrix.Customers[customer];
                for (var k = 0; k < history.Products.Length; k++)
                {
                    var j = history.Products[k];
                    if (j == i)
                    {
                        continue;
                    }

                    if (scratch[j] == 0)
                    {
                        touched.Add(j);
                    }

                    scratch[j] += weight * history.Weights[k];
                }
            }

            var top = touched
                .Select(j => (Product: j, Similarity: scratch[j] / Math.Sqrt(norms[i] * norms[j])))
                .OrderByDescending(x => x.Similarity)
                .ThenBy(x => x.Product)
                .Take(neighbours)
                .OrderBy(x => x.Product)
                .ToArray();
            rows[i] = top.Select(x => x.Product).ToArray();
            weights[i] = top.Select(x => (float)x.Similarity).ToArray();
            foreach (var j in touched)
            {
                scratch[j] = 0;
            }
        }

        return new SparseItemWeights(rows, weights);
    }
}
