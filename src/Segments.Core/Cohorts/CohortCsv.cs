using System.Globalization;
using System.Text;

namespace Segments.Core.Cohorts;

/// <summary>The cohort table as CSV: <c>cohort,month,customers,rate,revenue</c>, with a leading <c>group</c> column when split by a dimension.</summary>
public static class CohortCsv
{
    /// <summary>The whole table, header first, lines ending in LF.</summary>
    public static string Write(CohortTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new StringBuilder();
        csv.Append(table.Dimension is null ? "cohort,month,customers,rate,revenue\n" : "group,cohort,month,customers,rate,revenue\n");
        foreach (var cell in table.Cells)
        {
            if (table.Dimension is not null)
            {
                csv.Append(Escape(cell.Group ?? string.Empty)).Append(',');
            }

            csv.Append(CultureInfo.InvariantCulture, $"{cell.Cohort},{cell.Month},{cell.Customers},{cell.Rate:0.####},{cell.Revenue:0.00}\n");
        }

        return csv.ToString();
    }

    // A value starting with a formula character gets a leading quote, as the segment exports do.
    private static string Escape(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
