using System.Collections.Concurrent;
using Segments.Core.Transactions;

namespace Segments.Core.Rfm;

/// <summary>
/// Folds transaction lines, in any order, into per-customer RFM measures as of a date.
/// Lines dated after the as-of date are ignored: a run describes the customer base as it stood then.
/// Without an as-of date, measures are taken the day after the latest line, as for a file scored on its own.
/// </summary>
public sealed class CustomerAggregator(DateOnly? asOf)
{
    // Every customer folded in, by id: read and written on the reader of the rows only.
    private readonly Dictionary<string, CustomerAccumulator> _customers = new(StringComparer.Ordinal);

    // One accumulator per id for whichever thread asks first, made when a chunk is first folded on a parse task
    // (AccumulatorFor): the chunk's facts then name their customers' accumulators, and its merge looks no id up.
    // Null for a fold that only ever adds lines one by one, which so holds no second index of its customers.
    private ConcurrentDictionary<string, CustomerAccumulator>? _accumulators;
    private DateOnly? _latestLineDate;

    /// <summary>The date the measures are taken at: the given one, else the day after the latest line.</summary>
    public DateOnly AsOf => asOf ?? (_latestLineDate?.AddDays(1) ?? DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>The as-of date given, or null when the measures are taken the day after the latest line.</summary>
    internal DateOnly? AsOfGiven => asOf;

    /// <summary>Lines folded in so far (after the as-of filter).</summary>
    public long LinesAdded { get; private set; }

    /// <summary>Lines ignored because they are dated after <see cref="AsOf"/>.</summary>
    public long LinesAfterAsOf { get; private set; }

    /// <summary>Folds in one line.</summary>
    public void Add(in TransactionLine line)
    {
        if (asOf is { } cutoff && line.OrderDate > cutoff)
        {
            LinesAfterAsOf++;
            return;
        }

        LinesAdded++;
        if (_latestLineDate is not { } latest || line.OrderDate > latest)
        {
            _latestLineDate = line.OrderDate;
        }

        if (!_customers.TryGetValue(line.CustomerId, out var customer))
        {
            customer = Volatile.Read(ref _accumulators) is { } accumulators ? accumulators.GetOrAdd(line.CustomerId, NewAccumulator) : new CustomerAccumulator(line.CustomerId);
            customer.Seen = true;
            _customers.Add(line.CustomerId, customer);
        }

        customer.NetRevenue += line.Amount;
        if (line.Country.Length > 0 && line.OrderDate >= customer.CountryDate)
        {
            customer.Country = line.Country;
            customer.CountryDate = line.OrderDate;
        }

        if (!line.IsCancellation)
        {
            customer.Orders.Add(line.OrderId);
            if (customer.LastOrderDate is not { } last || line.OrderDate > last)
            {
                customer.LastOrderDate = line.OrderDate;
            }
        }
    }

    /// <summary>
    /// Folds in a chunk's lines, folded by <see cref="CustomerChunkFacts"/> with the rules of <see cref="Add"/>, as if
    /// they were added one by one: the chunk must come after every line folded in so far, in file order. Sums
    /// and maxima do not depend on the order; the country does (the last line of the latest date wins), and a
    /// chunk's country comes from its last such line, so merging in file order keeps the same one.
    /// </summary>
    internal void Merge(CustomerChunkFacts chunk)
    {
        LinesAdded += chunk.LinesAdded;
        LinesAfterAsOf += chunk.LinesAfterAsOf;
        if (chunk.LatestLineDate is { } chunkLatest && (_latestLineDate is not { } latest || chunkLatest > latest))
        {
            _latestLineDate = chunkLatest;
        }

        foreach (var (accumulator, facts) in chunk.Customers)
        {
            var customer = accumulator;
            if (!customer.Seen && !_customers.TryAdd(customer.CustomerId, customer))
            {
                // Only when lines of this customer were added one by one before the directory of accumulators was
                // made: that accumulator is the customer's.
                customer = _customers[customer.CustomerId];
            }

            customer.Seen = true;
            customer.NetRevenue += facts.NetRevenue;
            if (facts.Country.Length > 0 && facts.CountryDate >= customer.CountryDate)
            {
                customer.Country = facts.Country;
                customer.CountryDate = facts.CountryDate;
            }

            foreach (var order in facts.Orders)
            {
                customer.Orders.Add(order);
            }

            if (facts.LastOrderDate is { } chunkLast && (customer.LastOrderDate is not { } last || chunkLast > last))
            {
                customer.LastOrderDate = chunkLast;
            }
        }
    }

    /// <summary>
    /// The one accumulator of <paramref name="customerId"/>, for a chunk folded on any thread
    /// (<see cref="CustomerChunkFacts"/>); it counts as seen once a merge reaches it.
    /// </summary>
    internal CustomerAccumulator AccumulatorFor(string customerId) =>
        LazyInitializer.EnsureInitialized(ref _accumulators, static () => new ConcurrentDictionary<string, CustomerAccumulator>(StringComparer.Ordinal))
            .GetOrAdd(customerId, NewAccumulator);

    /// <summary>Number of distinct customers seen, scored or not.</summary>
    public int CustomersSeen => _customers.Count;

    /// <summary>
    /// Measures for every customer with at least one non-cancelled order, ordered by customer id
    /// (ordinal) so that output is reproducible.
    /// </summary>
    public IReadOnlyList<CustomerMetrics> ToMetrics()
    {
        var asOfDay = AsOf.DayNumber;
        return _customers
            .Where(pair => pair.Value.LastOrderDate is not null)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new CustomerMetrics(
                pair.Key,
                asOfDay - pair.Value.LastOrderDate!.Value.DayNumber,
                pair.Value.Orders.Count,
                Math.Max(0m, pair.Value.NetRevenue),
                pair.Value.Country))
            .ToList();
    }

    private static CustomerAccumulator NewAccumulator(string customerId) => new(customerId);
}
