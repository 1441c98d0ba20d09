namespace Segments.Core.Recommendations;

/// <summary>
/// What one customer did with the products of an <see cref="InteractionMatrix"/>: per product (index, ascending),
/// the strongest signal, its weight and the last day it happened.
/// </summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Products">Product indexes, ascending.</param>
/// <param name="Weights">Weight per product: 1 bought, less for added or viewed.</param>
/// <param name="Kinds">The strongest signal per product.</param>
/// <param name="LastDates">The last day of that signal per product (last purchase for a bought product).</param>
public sealed record CustomerHistory(
    string CustomerId,
    int[] Products,
    float[] Weights,
    SignalKind[] Kinds,
    DateOnly[] LastDates)
{
    /// <summary>True when the customer bought the product at index <paramref name="product"/>.</summary>
    public bool Bought(int product)
    {
        var at = Array.BinarySearch(Products, product);
        return at >= 0 && Kinds[at] == SignalKind.Purchased;
    }
}
