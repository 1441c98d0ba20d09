namespace Segments.Core.Btyd;

/// <summary>
/// Folds a purchase log, in any order, into BTYD calibration summaries. Purchases are counted per calendar day,
/// as in the CDNOW studies (Fader, Hardie &amp; Lee 2005): several purchases on one day are one transaction whose
/// spend is their sum. Purchases after the calibration end are left out of x, t_x, T and z̄, and counted as holdout
/// purchases instead.
/// </summary>
public sealed class CustomerHistoryBuilder
{
    private readonly Dictionary<string, Dictionary<int, decimal>> _spendByDayByCustomer = new(StringComparer.Ordinal);
    private int? _latestDay;

    /// <summary>Purchase records added.</summary>
    public long Purchases { get; private set; }

    /// <summary>The latest purchase date seen, or null before any purchase.</summary>
    public DateOnly? LatestPurchase => _latestDay is { } day ? DateOnly.FromDayNumber(day) : null;

    /// <summary>Adds one purchase record.</summary>
    public void Add(string customerId, DateOnly date, decimal amount)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        if (!_spendByDayByCustomer.TryGetValue(customerId, out var spendByDay))
        {
            spendByDay = [];
            _spendByDayByCustomer.Add(customerId, spendByDay);
        }

        var day = date.DayNumber;
        spendByDay[day] = spendByDay.GetValueOrDefault(day) + amount;
        _latestDay = _latestDay is { } latest ? Math.Max(latest, day) : day;
        Purchases++;
    }

    /// <summary>
    /// Summaries as of <paramref name="calibrationEnd"/> (inclusive; default: the latest purchase date), with times
    /// in <paramref name="unit"/>s.
    /// </summary>
    public CalibrationData Build(DateOnly? calibrationEnd = null, TimeUnit unit = TimeUnit.Week)
    {
        var dataEnd = LatestPurchase ?? calibrationEnd ?? DateOnly.MinValue;
        var end = calibrationEnd ?? dataEnd;
        var endDay = end.DayNumber;
        var daysPerUnit = TimeUnits.DaysPer(unit);
        var customers = new List<CustomerSummary>(_spendByDayByCustomer.Count);
        var firstSeenAfter = 0;
        long purchasesAfter = 0;

        foreach (var (customerId, spendByDay) in _spendByDayByCustomer.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var days = spendByDay.Keys.Where(day => day <= endDay).Order().ToArray();
            var holdoutDays = spendByDay.Count - days.Length;
            purchasesAfter += holdoutDays;
            if (days.Length == 0)
            {
                firstSeenAfter++;
                continue;
            }

            var first = days[0];
            var repeatSpend = days.Skip(1).Select(day => (double)spendByDay[day]).ToArray();
            var history = new CustomerHistory(
                days.Length - 1,
                (days[^1] - first) / daysPerUnit,
                (endDay - first) / daysPerUnit);
            customers.Add(new CustomerSummary(customerId, history, repeatSpend.Length == 0 ? 0 : repeatSpend.Average(), holdoutDays));
        }

        return new CalibrationData(customers, end, dataEnd, unit, firstSeenAfter, purchasesAfter);
    }

    /// <summary>Each customer's purchase days (day numbers, ascending, holdout included), by customer id.</summary>
    public IEnumerable<int[]> PurchaseDays() => _spendByDayByCustomer.Values.Select(days => days.Keys.Order().ToArray());
}
