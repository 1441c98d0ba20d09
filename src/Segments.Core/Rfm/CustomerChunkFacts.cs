using Segments.Core.Ingest.Mappings;
using Segments.Core.Transactions;

namespace Segments.Core.Rfm;

/// <summary>
/// One chunk's lines folded by customer with the rules of <see cref="CustomerAggregator.Add"/> (the same as-of
/// filter, sum, last order date, distinct orders and country rule), to be merged into the aggregator in file order
/// (<see cref="CustomerAggregator.Merge"/>). A chunk of an order export holds a few lines per order and a few
/// orders per customer, so merging a chunk costs a fraction of folding its lines; the folding runs on the parse
/// tasks, on every core. Customers are named by their accumulator in <paramref name="aggregator"/>, found from the
/// mapper's entry for the customer (<see cref="CustomerEntry.Folded"/>) after the first time, so that neither the
/// chunk nor the merge hashes the id. Reused: <see cref="Clear"/> keeps the dictionary's and the customers' room.
/// </summary>
internal sealed class CustomerChunkFacts(CustomerAggregator aggregator)
{
    private readonly DateOnly? _asOf = aggregator.AsOfGiven;

    // By reference: one accumulator per customer id.
    private readonly Dictionary<CustomerAccumulator, ChunkCustomerFacts> _customers = [];
    private readonly Stack<ChunkCustomerFacts> _spare = new();
    private string? _lastCustomerId;
    private ChunkCustomerFacts? _lastCustomer;

    /// <summary>The customers of the chunk's lines, in no particular order.</summary>
    // The dictionary itself rather than an interface: the merge walks it for every chunk, and its struct enumerator
    // saves a boxed enumerator and two interface calls per customer.
    public Dictionary<CustomerAccumulator, ChunkCustomerFacts> Customers => _customers;

    /// <summary>Lines folded in (after the as-of filter).</summary>
    public long LinesAdded { get; private set; }

    /// <summary>Lines ignored because they are dated after the as-of date.</summary>
    public long LinesAfterAsOf { get; private set; }

    /// <summary>The latest date among the lines folded in, or null when none was.</summary>
    public DateOnly? LatestLineDate { get; private set; }

    /// <summary>Folds in one line, the next in file order; <paramref name="customer"/> is the mapper's entry for its customer, when there is one.</summary>
    public void Add(in TransactionLine line, CustomerEntry? customer = null)
    {
        if (_asOf is { } cutoff && line.OrderDate > cutoff)
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
        var facts = ReferenceEquals(line.CustomerId, _lastCustomerId) ? _lastCustomer! : Find(line.CustomerId, customer);
        facts.NetRevenue += line.Amount;
        if (line.Country.Length > 0 && line.OrderDate >= facts.CountryDate)
        {
            facts.Country = line.Country;
            facts.CountryDate = line.OrderDate;
        }

        if (!line.IsCancellation)
        {
            var orders = facts.Orders;
            if (orders.Count == 0 || !string.Equals(orders[^1], line.OrderId, StringComparison.Ordinal))
            {
                orders.Add(line.OrderId);
            }

            if (facts.LastOrderDate is not { } last || line.OrderDate > last)
            {
                facts.LastOrderDate = line.OrderDate;
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

    private ChunkCustomerFacts Find(string customerId, CustomerEntry? customer)
    {
        // The entry's accumulator is this aggregator's: an entry lives as long as one file's read, folded by one fold.
        if (customer?.Folded is not CustomerAccumulator accumulator)
        {
            accumulator = aggregator.AccumulatorFor(customerId);
            customer?.Folded = accumulator;
        }

        if (!_customers.TryGetValue(accumulator, out var facts))
        {
            facts = _spare.TryPop(out var spare) ? spare : new ChunkCustomerFacts();
            _customers.Add(accumulator, facts);
        }

        (_lastCustomerId, _lastCustomer) = (customerId, facts);
        return facts;
    }
}
