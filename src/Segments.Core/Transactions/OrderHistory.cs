namespace Segments.Core.Transactions;

/// <summary>
/// The days on which one customer placed non-cancelled orders: the input of lifecycle staging (and of any
/// model that works on purchase occasions rather than amounts).
/// </summary>
/// <remarks>
/// Orders are counted per calendar day, not per order id: two invoices on the same day are one purchase
/// occasion, and a zero-day "gap" between them would drag every inter-purchase percentile down.
/// </remarks>
public sealed record OrderHistory
{
    /// <summary>Creates a history; the dates may come in any order and repeat.</summary>
    /// <exception cref="ArgumentException">No dates: a customer without an order has no history.</exception>
    public OrderHistory(string customerId, IEnumerable<DateOnly> orderDates)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        ArgumentNullException.ThrowIfNull(orderDates);
        var dates = orderDates.Distinct().Order().ToArray();
        if (dates.Length == 0)
        {
            throw new ArgumentException("An order history needs at least one order date.", nameof(orderDates));
        }

        CustomerId = customerId;
        OrderDates = dates;
    }

    /// <summary>Normalised customer id.</summary>
    public string CustomerId { get; }

    /// <summary>Distinct order dates, ascending; never empty.</summary>
    public IReadOnlyList<DateOnly> OrderDates { get; }

    /// <summary>The first order date.</summary>
    public DateOnly FirstOrderDate => OrderDates[0];

    /// <summary>The latest order date.</summary>
    public DateOnly LastOrderDate => OrderDates[^1];
}
