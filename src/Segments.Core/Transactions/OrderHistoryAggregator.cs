namespace Segments.Core.Transactions;

/// <summary>
/// Folds transaction lines, in any order, into each customer's distinct non-cancelled order dates as of a
/// date. It applies the same as-of rule as <see cref="Rfm.CustomerAggregator"/>, so both describe the same
/// customer base; it is a separate accumulator because RFM needs order ids and amounts, not dates.
/// </summary>
public sealed class OrderHistoryAggregator(DateOnly? asOf)
{
    // Day numbers, appended as lines arrive; sorted and de-duplicated once at the end. Lines of one order
    // usually arrive together, so skipping a repeat of the last day keeps the lists near one entry per order.
    private readonly Dictionary<string, List<int>> _days = new(StringComparer.Ordinal);
    private DateOnly? _latestLineDate;

    /// <summary>The as-of date: the given one, else the day after the latest line (cancellations included).</summary>
    public DateOnly AsOf => asOf ?? (_latestLineDate?.AddDays(1) ?? DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>Lines ignored because they are dated after <see cref="AsOf"/>.</summary>
    public long LinesAfterAsOf { get; private set; }

    /// <summary>Folds in one line. Cancellations are not purchase occasions and add no date.</summary>
    public void Add(in TransactionLine line)
    {
        if (asOf is { } cutoff && line.OrderDate > cutoff)
        {
            LinesAfterAsOf++;
            return;
        }

        if (_latestLineDate is not { } latest || line.OrderDate > latest)
        {
            _latestLineDate = line.OrderDate;
        }

        if (line.IsCancellation)
        {
            return;
        }

        if (!_days.TryGetValue(line.CustomerId, out var days))
        {
            days = [];
            _days.Add(line.CustomerId, days);
        }

        var day = line.OrderDate.DayNumber;
        if (days.Count == 0 || days[^1] != day)
        {
            days.Add(day);
        }
    }

    /// <summary>
    /// One history per customer with at least one non-cancelled order, ordered by customer id (ordinal)
    /// so that output is reproducible.
    /// </summary>
    public IReadOnlyList<OrderHistory> ToHistories() =>
        _days
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new OrderHistory(pair.Key, pair.Value.Select(DateOnly.FromDayNumber)))
            .ToList();
}
