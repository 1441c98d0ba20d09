using System.Globalization;
using Segments.Core.Btyd;
using Segments.Core.Transactions;

namespace Segments.Core.Ingest;

/// <summary>
/// Reads a purchase log (one row per purchase: customer, date, optional amount) from any delimited text file,
/// with or without a header, into a <see cref="CustomerHistoryBuilder"/>. Bad rows are counted and reported with
/// their line and column; they never stop the read.
/// </summary>
public static class PurchaseLogReader
{
    /// <summary>Row errors kept verbatim; the count covers all of them.</summary>
    public const int ErrorsKept = 20;

    private static readonly string[] CustomerAliases = ["customer_id", "CustomerID", "customer"];
    private static readonly string[] DateAliases = ["date", "order_date", "InvoiceDate"];
    private static readonly string[] AmountAliases = ["amount", "dollar_value", "value"];

    /// <summary>Reads every row of <paramref name="text"/> and adds its purchases to <paramref name="builder"/>.</summary>
    public static async Task<PurchaseLogReport> ReadIntoAsync(TextReader text, PurchaseLogOptions options, CustomerHistoryBuilder builder, CancellationToken cancellationToken)
    {
        var firstLine = await text.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        long line = 1;
        while (firstLine is not null && string.IsNullOrWhiteSpace(firstLine))
        {
            firstLine = await text.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            line++;
        }

        if (firstLine is null)
        {
            return PurchaseLogReport.Refused("the file is empty");
        }

        var delimiter = DelimitedLine.Detect(firstLine);
        var first = DelimitedLine.Split(firstLine.TrimStart('\uFEFF'), delimiter);
        var layout = ResolveLayout(first, options);
        if (layout.Rejection is not null)
        {
            return PurchaseLogReport.Refused(layout.Rejection);
        }

        var errors = new List<RowError>();
        long read = 0, accepted = 0, rejected = 0;
        void Take(string[] fields, long number)
        {
            read++;
            var error = TryAdd(fields, number, layout, options.DateFormat, builder);
            if (error is null)
            {
                accepted++;
                return;
            }

            rejected++;
            if (errors.Count < ErrorsKept)
            {
                errors.Add(error);
            }
        }

        // Without a header the first line is data.
        if (!layout.FirstLineIsHeader(first, options.DateFormat))
        {
            Take(first, line);
        }

        while (await text.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } next)
        {
            line++;
            if (!string.IsNullOrWhiteSpace(next))
            {
                Take(DelimitedLine.Split(next, delimiter), line);
            }
        }

        var description = string.Create(CultureInfo.InvariantCulture,
            $"delimiter {(delimiter == DelimitedLine.Whitespace ? "white space" : $"'{delimiter}'")}; customer column {layout.Customer + 1}, date column {layout.Date + 1}, amount column {(layout.Amount is { } a ? (a + 1).ToString(CultureInfo.InvariantCulture) : "none")}");
        return new PurchaseLogReport(description, read, accepted, rejected, errors, layout.Amount is not null, null);
    }

    private static RowError? TryAdd(string[] fields, long line, Layout layout, string? dateFormat, CustomerHistoryBuilder builder)
    {
        if (fields.Length <= layout.LastColumn)
        {
            return RowError.For(line, string.Empty, string.Empty, $"expected at least {layout.LastColumn + 1} fields, found {fields.Length}");
        }

        var customerId = CustomerIdNormalizer.Normalize(fields[layout.Customer]);
        if (customerId.Length == 0)
        {
            return RowError.For(line, layout.Names[0], string.Empty, "missing customer id");
        }

        if (!TryParseDate(fields[layout.Date], dateFormat, out var date))
        {
            return RowError.For(line, layout.Names[1], fields[layout.Date], dateFormat is null
                ? "not a date (expected yyyyMMdd, yyyy-MM-dd, an ISO timestamp or M/d/yyyy H:mm)"
                : $"not a date in the form {dateFormat}");
        }

        var amount = 0m;
        if (layout.Amount is { } a && !decimal.TryParse(fields[a].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out amount))
        {
            return RowError.For(line, layout.Names[2], fields[a], "not a number");
        }

        builder.Add(customerId, date, amount);
        return null;
    }

    private static bool TryParseDate(string text, string? format, out DateOnly date)
    {
        var trimmed = text.AsSpan().Trim();
        if (format is not null)
        {
            return DateOnly.TryParseExact(trimmed, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        }

        // Eight digits are the compact ISO form (19970101) of the CDNOW logs.
        if (trimmed.Length == 8 && !trimmed.ContainsAnyExceptInRange('0', '9'))
        {
            return DateOnly.TryParseExact(trimmed, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        }

        return OrderDateParser.TryParse(trimmed, out date);
    }

    private static Layout ResolveLayout(string[] first, PurchaseLogOptions options)
    {
        var customer = Resolve(first, options.CustomerColumn, CustomerAliases);
        var date = Resolve(first, options.DateColumn, DateAliases);
        var amount = Resolve(first, options.AmountColumn, AmountAliases);
        if (customer.Index is null || date.Index is null || (options.AmountColumn is not null && amount.Index is null))
        {
            var missing = customer.Index is null ? $"customer ({options.CustomerColumn ?? string.Join(" or ", CustomerAliases)})"
                : date.Index is null ? $"date ({options.DateColumn ?? string.Join(" or ", DateAliases)})"
                : $"amount ({options.AmountColumn})";
            return Layout.Refuse($"no {missing} column in the first line ({string.Join(",", first)}); name the columns with --customer-col, --date-col and --amount-col (a header name or a 1-based position)");
        }

        return new Layout(customer.Index.Value, date.Index.Value, amount.Index, [customer.Name, date.Name, amount.Name],
            HeaderByName: customer.FromHeader || date.FromHeader || amount.FromHeader, null);
    }

    /// <summary>A column given as a 1-based position, or found by name (or by one of the aliases) in the first line.</summary>
    private static (int? Index, string Name, bool FromHeader) Resolve(string[] first, string? column, string[] aliases)
    {
        if (column is not null && int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return (position >= 1 ? position - 1 : null, $"column {position}", false);
        }

        foreach (var candidate in column is null ? aliases : [column])
        {
            var index = Array.FindIndex(first, f => string.Equals(f.Trim(), candidate, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return (index, first[index].Trim(), true);
            }
        }

        return (null, column ?? aliases[0], false);
    }

    private sealed record Layout(int Customer, int Date, int? Amount, string[] Names, bool HeaderByName, string? Rejection)
    {
        public int LastColumn => Math.Max(Math.Max(Customer, Date), Amount ?? 0);

        public static Layout Refuse(string reason) => new(0, 0, null, [], false, reason);

        /// <summary>
        /// A header is certain when a column was found by name; with positions only, the first line is a header
        /// when its date field is not a date.
        /// </summary>
        public bool FirstLineIsHeader(string[] first, string? dateFormat) =>
            HeaderByName || first.Length <= Date || !TryParseDate(first[Date], dateFormat, out _);
    }
}
