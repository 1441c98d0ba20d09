using Segments.Core.Events;
using Segments.Core.Transactions;

namespace Segments.Pipeline.Recompute;

/// <summary>
/// The orders a run read from order exports, one per order id, as the behaviour segments see them (whose, which,
/// which day): collected while the lines are read, so the exports are read once.
/// </summary>
internal sealed class ExportedOrders
{
    private readonly Dictionary<string, CustomerOrder> _byOrderId = new(StringComparer.Ordinal);

    /// <summary>The orders, in no particular order.</summary>
    public IEnumerable<CustomerOrder> All => _byOrderId.Values;

    /// <summary>Counts the order of one line a run scores; a cancellation is no order.</summary>
    public void Add(in TransactionLine line)
    {
        if (!line.IsCancellation && !_byOrderId.ContainsKey(line.OrderId))
        {
            // Exports carry the order's day only: midnight UTC places it on that day, which is all the definitions compare.
            _byOrderId[line.OrderId] = new CustomerOrder(line.CustomerId, line.OrderId, new DateTimeOffset(line.OrderDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        }
    }
}
