using Segments.Core.Cohorts;
using Segments.Core.Transactions;

namespace Segments.Core.Scale;

/// <summary>
/// Cohort retention tables bucket by bucket: each bucket's customers give their own tables (a customer's cohort and
/// months are their own), and the tables of disjoint buckets add up cell by cell to the whole-population tables.
/// </summary>
public static class BucketCohorts
{
    /// <summary>
    /// One bucket's tables as of <paramref name="asOf"/>: the plain table, then one per dimension of
    /// <paramref name="dimensions"/> (those some profile of the whole population carries, decided by the caller).
    /// </summary>
    public static IReadOnlyList<CohortTable> Of(
        IEnumerable<TransactionLine> lines,
        DateOnly asOf,
        IReadOnlyList<string> dimensions,
        IReadOnlyDictionary<string, Profiles.CustomerProfileFields>? profiles = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(dimensions);
        var cohorts = new CohortAggregator(asOf);
        foreach (var line in lines)
        {
            cohorts.Add(line);
        }

        return [cohorts.ToTable(), .. dimensions.Select(d => cohorts.ToTable(d, id => CohortDimensions.ValueOf(d, profiles?.GetValueOrDefault(id))))];
    }

    /// <summary>The tables of disjoint buckets added up; every part lists the same tables in the same order.</summary>
    public static IReadOnlyList<CohortTable> Merge(IEnumerable<IReadOnlyList<CohortTable>> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var all = parts.ToList();
        if (all.Count == 0)
        {
            return [];
        }

        return Enumerable.Range(0, all[0].Count).Select(i => MergeOne(all.Select(p => p[i]).ToList())).ToList();
    }

    private static CohortTable MergeOne(List<CohortTable> tables)
    {
        var first = tables[0];
        var cells = new Dictionary<(string? Group, string Cohort, int Month), (int Customers, decimal Revenue)>();
        var sizes = new Dictionary<(string? Group, string Cohort), int>();
        foreach (var table in tables)
        {
            if (table.AsOf != first.AsOf || table.Dimension != first.Dimension)
            {
                throw new ArgumentException($"Cannot add a cohort table by {table.Dimension ?? "nothing"} as of {table.AsOf:yyyy-MM-dd} to one by {first.Dimension ?? "nothing"} as of {first.AsOf:yyyy-MM-dd}.", nameof(tables));
            }

            foreach (var cell in table.Cells)
            {
                var key = (cell.Group, cell.Cohort, cell.Month);
                var sum = cells.GetValueOrDefault(key);
                cells[key] = (sum.Customers + cell.Customers, sum.Revenue + cell.Revenue);
                if (cell.Month == 0)
                {
                    // Every customer of a cohort bought in its first month, so month 0 holds the bucket's cohort size.
                    sizes[(cell.Group, cell.Cohort)] = sizes.GetValueOrDefault((cell.Group, cell.Cohort)) + cell.CohortSize;
                }
            }
        }

        var rows = cells
            .Select(c =>
            {
                var size = sizes[(c.Key.Group, c.Key.Cohort)];
                return new CohortCell(c.Key.Group, c.Key.Cohort, c.Key.Month, c.Value.Customers, size, c.Value.Customers / (double)size, c.Value.Revenue);
            })
            .OrderBy(c => c.Group, StringComparer.Ordinal)
            .ThenBy(c => c.Cohort, StringComparer.Ordinal)
            .ThenBy(c => c.Month)
            .ToList();
        return new CohortTable(first.AsOf, first.Dimension, rows);
    }
}
