namespace Segments.Core.Recommendations;

/// <summary>
/// What every model of the recommender learns from, as sums over customers, so that the statistics of customer
/// buckets merge exactly (<see cref="Merge"/>) into those of the whole population: per product the customers who bought
/// it and the sum of its squared weights (the diagonal of XᵀX, the cosine's norms), and per pair of products some
/// customer did both with, the sum of the products of their weights (XᵀX off the diagonal: co-occurrence). Popularity
/// reads the first, item cosine the norms and pairs, EASE the Gram matrix XᵀX over its products. Its size follows the
/// catalogue (the pairs that co-occur), not the customers. Products are in ordinal order of their codes, as in
/// <see cref="InteractionMatrix"/>.
/// </summary>
/// <param name="Products">Product codes by index, ordinal order.</param>
/// <param name="Buyers">Per product, customers who bought it.</param>
/// <param name="BuyingCustomers">Customers with at least one purchase.</param>
/// <param name="Customers">Customers with any signal.</param>
/// <param name="Norms">Per product, the sum over customers of its weight squared.</param>
/// <param name="Neighbours">Per product, the other products some customer also did something with (indexes, ascending).</param>
/// <param name="Sums">Per product and neighbour, the sum over customers of the two weights' product.</param>
public sealed record InteractionStatistics(
    IReadOnlyList<string> Products,
    int[] Buyers,
    int BuyingCustomers,
    int Customers,
    double[] Norms,
    int[][] Neighbours,
    double[][] Sums)
{
    /// <summary>No customers.</summary>
    public static InteractionStatistics Empty { get; } = new([], [], 0, 0, [], [], []);

    /// <summary>Nonzero pairs held (each pair twice, once per direction).</summary>
    public long Pairs => Neighbours.Sum(n => (long)n.Length);

    /// <summary>
    /// The statistics of <paramref name="matrix"/>'s customers. The weight products are taken in single precision and
    /// summed in double, as <see cref="ItemCosineModel"/> sums them; with the default weights (1, ½, ¼) every sum is exact,
    /// so the order customers are added in does not matter.
    /// </summary>
    public static InteractionStatistics Of(InteractionMatrix matrix, CancellationToken cancellationToken = default)
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

        var neighbours = new int[n][];
        var sums = new double[n][];
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

            touched.Sort();
            neighbours[i] = touched.ToArray();
            sums[i] = new double[touched.Count];
            for (var e = 0; e < touched.Count; e++)
            {
                sums[i][e] = scratch[touched[e]];
                scratch[touched[e]] = 0;
            }

            customersOf[i] = [];
        }

        return new InteractionStatistics(matrix.Products.ToArray(), (int[])matrix.Buyers.Clone(), matrix.BuyingCustomers, matrix.Customers.Count, norms, neighbours, sums);
    }

    /// <summary>
    /// The statistics of <paramref name="a"/>'s and <paramref name="b"/>'s customers together (disjoint sets of
    /// customers, e.g. two buckets): the union of the products, every count and sum added.
    /// </summary>
    public static InteractionStatistics Merge(InteractionStatistics a, InteractionStatistics b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (b.Products.Count == 0 && b.Customers == 0)
        {
            return a;
        }

        if (a.Products.Count == 0 && a.Customers == 0)
        {
            return b;
        }

        var (products, fromA, fromB) = Union(a.Products, b.Products);
        var mapA = Positions(fromA, a.Products.Count);
        var mapB = Positions(fromB, b.Products.Count);
        var n = products.Length;
        var buyers = new int[n];
        var norms = new double[n];
        var neighbours = new int[n][];
        var sums = new double[n][];
        for (var k = 0; k < n; k++)
        {
            var (ia, ib) = (fromA[k], fromB[k]);
            buyers[k] = (ia >= 0 ? a.Buyers[ia] : 0) + (ib >= 0 ? b.Buyers[ib] : 0);
            norms[k] = (ia >= 0 ? a.Norms[ia] : 0) + (ib >= 0 ? b.Norms[ib] : 0);
            (neighbours[k], sums[k]) = MergeRows(
                ia >= 0 ? a.Neighbours[ia] : [], ia >= 0 ? a.Sums[ia] : [], mapA,
                ib >= 0 ? b.Neighbours[ib] : [], ib >= 0 ? b.Sums[ib] : [], mapB);
        }

        return new InteractionStatistics(products, buyers, a.BuyingCustomers + b.BuyingCustomers, a.Customers + b.Customers, norms, neighbours, sums);
    }

    /// <summary>A matrix of no customers over these products, with their buyers: what a fitted model's indexes refer to.</summary>
    public InteractionMatrix Catalogue() => new(Products, [], Buyers) { BuyingCustomers = BuyingCustomers };

    // The sorted union of two ordinal-sorted lists, and per position where it came from in each (-1: absent).
    private static (string[] Products, int[] FromA, int[] FromB) Union(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var products = new List<string>(Math.Max(a.Count, b.Count));
        var fromA = new List<int>(products.Capacity);
        var fromB = new List<int>(products.Capacity);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            var order = i == a.Count ? 1 : j == b.Count ? -1 : string.CompareOrdinal(a[i], b[j]);
            products.Add(order <= 0 ? a[i] : b[j]);
            fromA.Add(order <= 0 ? i++ : -1);
            fromB.Add(order >= 0 ? j++ : -1);
        }

        return (products.ToArray(), fromA.ToArray(), fromB.ToArray());
    }

    private static int[] Positions(int[] from, int count)
    {
        var map = new int[count];
        for (var k = 0; k < from.Length; k++)
        {
            if (from[k] >= 0)
            {
                map[from[k]] = k;
            }
        }

        return map;
    }

    // Both rows ascending in their own indexes; the maps are monotone, so they stay ascending in the union's.
    private static (int[] Neighbours, double[] Sums) MergeRows(int[] rowA, double[] sumsA, int[] mapA, int[] rowB, double[] sumsB, int[] mapB)
    {
        var neighbours = new List<int>(rowA.Length + rowB.Length);
        var sums = new List<double>(neighbours.Capacity);
        int i = 0, j = 0;
        while (i < rowA.Length || j < rowB.Length)
        {
            var ka = i < rowA.Length ? mapA[rowA[i]] : int.MaxValue;
            var kb = j < rowB.Length ? mapB[rowB[j]] : int.MaxValue;
            neighbours.Add(Math.Min(ka, kb));
            sums.Add((ka <= kb ? sumsA[i++] : 0) + (kb <= ka ? sumsB[j++] : 0));
        }

        return (neighbours.ToArray(), sums.ToArray());
    }
}
