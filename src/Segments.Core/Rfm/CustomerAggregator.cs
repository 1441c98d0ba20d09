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
