namespace Segments.Core.Transactions;

/// <summary>
/// One normalised line of a shop export: the unit every later stage works on.
/// </summary>
/// <param name="CustomerId">Normalised customer id (see <see cref="CustomerIdNormalizer"/>).</param>
/// <param name="OrderId">The order (invoice) this line belongs to.</param>
/// <param name="OrderDate">UTC calendar date of the order.</param>
/// <param name="Amount">Line amount in the store currency; negative for returns.</param>
/// <param name="Country">Customer country as exported, empty when unknown.</param>
/// <param name="IsCancellation">True when the line belongs to a cancellation document.</param>
public readonly record struct TransactionLine(
    string CustomerId,
    string OrderId,
    DateOnly OrderDate,
    decimal Amount,
    string Country,
    bool IsCancellation)
{
    // Null and empty mean the same (no product); storing only null keeps equality honest.
    private readonly string? _product;

    /// <summary>Product (SKU or name) of the line, empty when the export has none.</summary>
    public string Product
    {
        get => _product ?? string.Empty;
        init => _product = string.IsNullOrEmpty(value) ? null : value;
    }
}
