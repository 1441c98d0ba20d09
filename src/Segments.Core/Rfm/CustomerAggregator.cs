using Segments.Core.Transactions;

namespace Segments.Core.Rfm;

/// <summary>
/// Folds transaction lines, in any order, into per-customer RFM measures as of a date.
/// Lines dated after the as-of date are ignored: a run describes the customer base as it stood then.
/// Without an as-of date, measures are taken the day after the latest line, as for a file scored on its own.
/// </summary>
public sealed class CustomerAggregator(DateOnly? asOf)
{
    private readonly Dictionary<string, Accumulator> _customers = new(StringComparer.Ordinal);
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
            customer = new Accumulator();
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

        foreach (var (customerId, facts) in chunk.Customers)
        {
            if (!_customers.TryGetValue(customerId, out var customer))
            {
                customer = new Accumulator();
                _customers.Add(customerId, customer);
            }

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

    private sealed class Accumulator
    {
        public HashSet<string> Orders { get; } = new(StringComparer.Ordinal);

        public DateOnly? LastOrderDate { get; set; }

        public decimal NetRevenue { get; set; }

        public string Country { get; set; } = string.Empty;

        public DateOnly CountryDate { get; set; } = DateOnly.MinValue;
    }
}
