using Segments.Core.Transactions;

namespace Segments.Core.Rfm;

/// <summary>
/// One chunk's lines folded by customer with the rules of <see cref="CustomerAggregator.Add"/> (the same as-of
/// filter, sum, last order date, distinct orders and country rule), to be merged into the aggregator in file order
/// (<see cref="CustomerAggregator.Merge"/>). A chunk of an order export holds a few lines per order and a few
/// orders per customer, so merging a chunk costs a fraction of folding its lines; the folding runs on the parse
/// tasks, on every core. Reused: <see cref="Clear"/> keeps the dictionary's and the customers' room.
/// </summary>
internal sealed class CustomerChunkFacts(DateOnly? asOf)
{
    private readonly Dictionary<string, ChunkCustomerFacts> _customers = new(StringComparer.Ordinal);
    private readonly Stack<ChunkCustomerFacts> _spare = new();
    private string? _lastCustomerId;
    private ChunkCustomerFacts? _lastCustomer;

    /// <summary>The customers of the chunk's lines, in no particular order.</summary>
    // The dictionary itself rather than an interface: the merge walks it for every chunk, and its struct enumerator
    // saves a boxed enumerator and two interface calls per customer.
    public Dictionary<string, ChunkCustomerFacts> Customers => _customers;

    /// <summary>Lines folded in (after the as-of filter).</summary>
    public long LinesAdded { get; private set; }

    /// <summary>Lines ignored because they are dated after the as-of date.</summary>
    public long LinesAfterAsOf { get; private set; }

    /// <summary>The latest date among the lines folded in, or null when none was.</summary>
    public DateOnly? LatestLineDate { get; private set; }

    /// <summary>Folds in one line, the next in file order.</summary>
    public void Add(in TransactionLine line)
    {
        if (asOf is { } cutoff && line.OrderDate > cutoff)
        {
            LinesAfterAsOf++;
            return;
        }

        LinesAdded++;
        if (LatestLineDate is not { } latest || line.OrderDate > latest)
        {
            LatestLineDate = line.OrderDate;
        }

        // Consecutive lines of one order share the customer id's string (the mapper's cache hands out the same one).
        var customer = ReferenceEquals(line.CustomerId, _lastCustomerId) ? _lastCustomer! : Find(line.CustomerId);
        customer.NetRevenue += line.Amount;
        if (line.Country.Length > 0 && line.OrderDate >= customer.CountryDate)
        {
            customer.Country = line.Country;
            customer.CountryDate = line.OrderDate;
        }

        if (!line.IsCancellation)
        {
            var orders = customer.Orders;
            if (orders.Count == 0 || !string.Equals(orders[^1], line.OrderId, StringComparison.Ordinal))
            {
                orders.Add(line.OrderId);
            }

            if (customer.LastOrderDate is not { } last || line.OrderDate > last)
            {
                customer.LastOrderDate = line.OrderDate;
            }
        }
    }

    /// <summary>Forgets the chunk's lines.</summary>
    public void Clear()
    {
        foreach (var customer in _customers.Values)
        {
            customer.Reset();
            _spare.Push(customer);
        }

        _customers.Clear();
        (_lastCustomerId, _lastCustomer) = (null, null);
        (LinesAdded, LinesAfterAsOf, LatestLineDate) = (0, 0, null);
    }

    private ChunkCustomerFacts Find(string customerId)
    {
        if (!_customers.TryGetValue(customerId, out var customer))
        {
            customer = _spare.TryPop(out var spare) ? spare : new ChunkCustomerFacts();
            _customers.Add(customerId, customer);
        }

        (_lastCustomerId, _lastCustomer) = (customerId, customer);
        return customer;
    }
}
