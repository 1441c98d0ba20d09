namespace Segments.Core.Recommendations;

/// <summary>
/// Customers × products, sparse: what the models learn from. Built by <see cref="InteractionMatrixBuilder"/>;
/// products are indexed in ordinal order of their codes, customers likewise.
/// </summary>
/// <param name="Products">Product codes by index.</param>
/// <param name="Customers">Per customer, what they did.</param>
/// <param name="Buyers">Per product index, the customers who bought it (the popularity baseline's count).</param>
public sealed record InteractionMatrix(
    IReadOnlyList<string> Products,
    IReadOnlyList<CustomerHistory> Customers,
    int[] Buyers)
{
    /// <summary>Product indexes by code.</summary>
    public IReadOnlyDictionary<string, int> ProductIndex { get; } =
        Products.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);

    /// <summary>
    /// Customers with at least one purchase: counted from <see cref="Customers"/>, or given when they are only some of
    /// the customers the buyers were counted over (one bucket's, or none: a catalogue for fitted models).
    /// </summary>
    public int BuyingCustomers { get; init; } = Customers.Count(c => c.Kinds.Contains(SignalKind.Purchased));

    /// <summary>Product indexes, most buyers first, then code.</summary>
    public int[] ByPopularity() =>
        Enumerable.Range(0, Products.Count)
            .Where(i => Buyers[i] > 0)
            .OrderByDescending(i => Buyers[i])
            .ThenBy(i => Products[i], StringComparer.Ordinal)
            .ToArray();
}
