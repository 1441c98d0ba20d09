using System.Globalization;
using Segments.Core.Transactions;

namespace Segments.Core.Cohorts;

/// <summary>
/// Folds order lines into cohort retention (Shopify's cohort analysis report): a customer's cohort is the calendar
/// month of their first order; in each later calendar month the cohort's rate is the share of its customers with an
/// order that month. Counts the orders RFM counts: non-cancelled lines with a customer id, on or before the as-of date.
/// </summary>
public sealed class CohortAggregator(DateOnly asOf)
{
    private readonly Dictionary<string, Dictionary<int, decimal>> _revenueByMonthByCustomer = new(StringComparer.Ordinal);

    /// <summary>Folds in one line (others than the counted ones are ignored).</summary>
    public void Add(in TransactionLine line)
    {
        if (line.IsCancellation || line.OrderDate > asOf || line.CustomerId.Length == 0)
        {
            return;
        }

        if (!_revenueByMonthByCustomer.TryGetValue(line.CustomerId, out var months))
        {
            months = [];
            _revenueByMonthByCustomer.Add(line.CustomerId, months);
        }

        var month = MonthIndex(line.OrderDate);
        months[month] = months.GetValueOrDefault(month) + line.Amount;
    }

    /// <summary>
    /// The table; with a <paramref name="dimension"/>, cohorts are split by <paramref name="groupOf"/> (customers
    /// without a value are left out).
    /// </summary>
    public CohortTable ToTable(string? dimension = null, Func<string, string?>? groupOf = null)
    {
        var cells = new Dictionary<(string? Group, int Cohort, int Month), (int Customers, decimal Revenue)>();
        var sizes = new Dictionary<(string? Group, int Cohort), int>();
        foreach (var (customer, months) in _revenueByMonthByCustomer)
        {
            string? group = null;
            if (dimension is not null && (group = groupOf?.Invoke(customer)) is null)
            {
                continue;
            }

            var cohort = months.Keys.Min();
            sizes[(group, cohort)] = sizes.GetValueOrDefault((group, cohort)) + 1;
            foreach (var (month, revenue) in months)
            {
                var key = (group, cohort, month - cohort);
                var cell = cells.GetValueOrDefault(key);
                cells[key] = (cell.Customers + 1, cell.Revenue + revenue);
            }
        }

        var rows = cells
            .Select(c =>
            {
                var size = sizes[(c.Key.Group, c.Key.Cohort)];
                return new CohortCell(c.Key.Group, MonthName(c.Key.Cohort), c.Key.Month, c.Value.Customers, size, c.Value.Customers / (double)size, c.Value.Revenue);
            })
            .OrderBy(c => c.Group, StringComparer.Ordinal)
            .ThenBy(c => c.Cohort, StringComparer.Ordinal)
            .ThenBy(c => c.Month)
            .ToList();
        return new CohortTable(asOf, dimension, rows);
    }

    private static int MonthIndex(DateOnly date) => (date.Year * 12) + date.Month - 1;

    private static string MonthName(int index) =>
        new DateOnly(index / 12, (index % 12) + 1, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
