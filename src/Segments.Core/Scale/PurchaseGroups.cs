using Segments.Core.Btyd;

namespace Segments.Core.Scale;

/// <summary>
/// The grouped sufficient statistics of the customer-base models: customers counted per identical history. The
/// BG/NBD and MBG/NBD likelihoods depend on a customer only through (x, t_x, T), Gamma-Gamma only through (x, z̄),
/// and the holdout comparison only through (x, t_x, T) and the holdout purchase count, so fitting on the counted
/// groups is fitting on the customers.
/// </summary>
public sealed class PurchaseGroups
{
    /// <summary>(x, t_x, T) on all purchases up to the as-of date, in weeks → customers.</summary>
    public Dictionary<HistoryKey, long> Histories { get; } = [];

    /// <summary>(x, t_x, T) on the calibration period and the purchases after it → customers.</summary>
    public Dictionary<CalibrationKey, long> Calibration { get; } = [];

    /// <summary>(x, z̄) of every customer with a repeat purchase up to the as-of date → customers.</summary>
    public Dictionary<SpendKey, long> Spend { get; } = [];

    /// <summary>Customers of the calibration period per first purchase day number (the tracking series' cohorts).</summary>
    public Dictionary<int, long> FirstPurchaseDays { get; } = [];

    /// <summary>Repeat purchase days (every purchase day after the first, holdout included) of those customers, per day number.</summary>
    public Dictionary<int, long> CohortRepeatPurchaseDays { get; } = [];

    /// <summary>Customers whose first purchase is after the calibration end (left out of the calibration fit).</summary>
    public long FirstSeenAfterCalibration { get; set; }

    /// <summary>The latest purchase day number, or null before any purchase.</summary>
    public int? LatestPurchaseDay { get; set; }

    /// <summary>Adds every count of <paramref name="other"/>.</summary>
    public void AddAll(PurchaseGroups other)
    {
        ArgumentNullException.ThrowIfNull(other);
        AddCounts(Histories, other.Histories);
        AddCounts(Calibration, other.Calibration);
        AddCounts(Spend, other.Spend);
        AddCounts(FirstPurchaseDays, other.FirstPurchaseDays);
        AddCounts(CohortRepeatPurchaseDays, other.CohortRepeatPurchaseDays);
        FirstSeenAfterCalibration += other.FirstSeenAfterCalibration;
        LatestPurchaseDay = (LatestPurchaseDay, other.LatestPurchaseDay) switch
        {
            ({ } a, { } b) => Math.Max(a, b),
            (var a, var b) => a ?? b,
        };
    }

    /// <summary>Counts one customer's histories.</summary>
    public void Add(CustomerSummary full, CustomerSummary? calibration)
    {
        ArgumentNullException.ThrowIfNull(full);
        Increment(Histories, HistoryKey.Of(full.History));
        if (full.History.RepeatPurchases > 0)
        {
            Increment(Spend, new SpendKey(full.History.RepeatPurchases, full.AverageRepeatSpend));
        }

        if (calibration is null)
        {
            FirstSeenAfterCalibration++;
        }
        else
        {
            Increment(Calibration, new CalibrationKey(HistoryKey.Of(calibration.History), calibration.HoldoutPurchases));
        }
    }

    /// <summary>Counts one customer's purchase days (ascending) for the tracking series, if they bought by <paramref name="calibrationEnd"/>.</summary>
    public void AddPurchaseDays(int[] days, int calibrationEnd)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Length == 0 || days[0] > calibrationEnd)
        {
            return;
        }

        Increment(FirstPurchaseDays, days[0]);
        for (var i = 1; i < days.Length; i++)
        {
            Increment(CohortRepeatPurchaseDays, days[i]);
        }
    }

    /// <summary>The full-period histories, each weighted by its customers.</summary>
    public IEnumerable<CustomerHistory> WeightedHistories() => Histories.Select(g => g.Key.ToHistory(g.Value));

    /// <summary>The spend histories of repeat buyers, each weighted by its customers.</summary>
    public IEnumerable<SpendHistory> WeightedSpend() =>
        Spend.OrderBy(g => g.Key.RepeatPurchases).ThenBy(g => g.Key.AverageRepeatSpend).Select(g => new SpendHistory(g.Key.RepeatPurchases, g.Key.AverageRepeatSpend, g.Value));

    internal static void Increment<TKey>(Dictionary<TKey, long> counts, TKey key, long times = 1)
        where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + times;

    private static void AddCounts<TKey>(Dictionary<TKey, long> into, Dictionary<TKey, long> from)
        where TKey : notnull
    {
        foreach (var (key, times) in from)
        {
            Increment(into, key, times);
        }
    }
}
