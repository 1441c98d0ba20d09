using System.Globalization;
using Sylvan.Data.Csv;

namespace Segments.Core.Ingest;

/// <summary>Typed reads of one field that turn a bad value into a <see cref="RowError"/>.</summary>
internal static class FieldReader
{
    public static bool TryDecimal(CsvDataReader row, int ordinal, string column, long line, out decimal value, out RowError? error)
    {
        var text = row.GetFieldSpan(ordinal).Trim();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            error = null;
            return true;
        }

        error = RowError.For(line, column, text, text.IsEmpty ? "missing number" : "not a number");
        return false;
    }

    public static bool TryDate(CsvDataReader row, int ordinal, string column, long line, out DateOnly value, out RowError? error)
    {
        var text = row.GetFieldSpan(ordinal);
        if (OrderDateParser.TryParse(text, out value))
        {
            error = null;
            return true;
        }

        error = RowError.For(line, column, text, text.Trim().IsEmpty ? "missing date" : "not a date (expected yyyy-MM-dd, an ISO timestamp or M/d/yyyy H:mm)");
        return false;
    }

    public static bool TryText(CsvDataReader row, int ordinal, string column, long line, out string value, out RowError? error)
    {
        var text = row.GetFieldSpan(ordinal).Trim();
        if (text.IsEmpty)
        {
            value = string.Empty;
            error = RowError.For(line, column, text, "missing value");
            return false;
        }

        value = text.ToString();
        error = null;
        return true;
    }

    public static string Optional(CsvDataReader row, int? ordinal) =>
        ordinal is { } i && i < row.RowFieldCount ? row.GetFieldSpan(i).Trim().ToString() : string.Empty;
}
