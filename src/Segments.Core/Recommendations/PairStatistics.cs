namespace Segments.Core.Recommendations;

/// <summary>
/// The merged statistics of every bucket (<see cref="InteractionStatisticsAccumulator.Build"/>): per product its
/// buyers and Σ w² (XᵀX's diagonal), and per pair of products Σ wᵢ·wⱼ (XᵀX off the diagonal), held as one dense
/// triangle. What every model is fitted from (<see cref="ModelsFromStatistics"/>). Products are in ordinal order of
/// their codes, as in <see cref="InteractionMatrix"/>.
/// </summary>
public sealed class PairStatistics
{
    private readonly int[] _slot;
    private readonly double[] _pairs;

    internal PairStatistics(string[] products, int[] buyers, double[] norms, int buyingCustomers, int customers, int[] slot, double[] pairs)
    {
        Products = products;
        Buyers = buyers;
        Norms = norms;
        BuyingCustomers = buyingCustomers;
        Customers = customers;
        _slot = slot;
        _pairs = pairs;
    }

    /// <summary>Product codes by index, ordinal order.</summary>
    public IReadOnlyList<string> Products { get; }

    /// <summary>Per product, customers who bought it.</summary>
    public int[] Buyers { get; }

    /// <summary>Per product, the sum over customers of its weight squared.</summary>
    public double[] Norms { get; }

    /// <summary>Customers with at least one purchase.</summary>
    public int BuyingCustomers { get; }

    /// <summary>Customers with any signal.</summary>
    public int Customers { get; }

    /// <summary>Bytes the pair sums hold.</summary>
    public long Bytes => (long)_pairs.Length * sizeof(double);

    /// <summary>Σ over customers of the weights of products <paramref name="i"/> and <paramref name="j"/> (i ≠ j); 0 when no customer did both.</summary>
    public double Pair(int i, int j) => _pairs[InteractionStatisticsAccumulator.Triangle(_slot[i], _slot[j])];

    /// <summary>A matrix of no customers over these products, with their buyers: what a fitted model's indexes refer to.</summary>
    public InteractionMatrix Catalogue() => new(Products, [], Buyers) { BuyingCustomers = BuyingCustomers };
}
