using Segments.Core.Btyd;
using Segments.Core.Rfm;
using Segments.Core.Transactions;

namespace Segments.Core.Scale;

/// <summary>
/// One bucket's order lines folded into per-customer facts, with the same accumulators and the same as-of rule as
/// <see cref="Segmentation.SegmentationEngine.Add"/>, so that every customer's measures equal the whole-population
/// run's (a customer's measures depend on their own lines only).
/// </summary>
internal sealed class BucketFacts
{
    private readonly DateOnly _asOf;
    private readonly CustomerAggregator _rfm;
    private readonly OrderHistoryAggregator _orders;
    private readonly Dictionary<string, HashSet<string>>? _products;

    public BucketFacts(IEnumerable<TransactionLine> lines, DateOnly asOf, bool keepProducts)
    {
        ArgumentNullException.ThrowIfNull(lines);
        _asOf = asOf;
        _rfm = new CustomerAggregator(asOf);
        _orders = new OrderHistoryAggregator(asOf);
        _products = keepProducts ? new Dictionary<string, HashSet<string>>(StringComparer.Ordinal) : null;
        foreach (var line in lines)
        {
            Add(line);
        }
    }

    public long LinesAdded => _rfm.LinesAdded;

    public CustomerHistoryBuilder Purchases { get; } = new();

    public IReadOnlyList<CustomerMetrics> Metrics() => _rfm.ToMetrics();

    public IReadOnlyList<OrderHistory> Histories() => _orders.ToHistories();

    /// <summary>Distinct products bought on non-cancelled lines, ordinal order; empty without products kept.</summary>
    public List<string> ProductsOf(string customerId) =>
        _products is not null && _products.TryGetValue(customerId, out var set) ? set.Order(StringComparer.Ordinal).ToList() : [];

    private void Add(in TransactionLine line)
    {
        _rfm.Add(line);
        _orders.Add(line);
        if (line.IsCancellation || line.OrderDate > _asOf)
        {
            return;
        }

        Purchases.Add(line.CustomerId, line.OrderDate, line.Amount);
        if (_products is not null && line.Product.Length > 0)
        {
            if (!_products.TryGetValue(line.CustomerId, out var products))
            {
                products = new HashSet<string>(StringComparer.Ordinal);
                _products.Add(line.CustomerId, products);
            }

            products.Add(line.Product);
        }
    }
}
