using System.Globalization;
using Segments.Core.Ingest;
using Segments.Core.Transactions;
using Sylvan.Data.Csv;

namespace Segments.Core.Btyd;

/// <summary>
/// Reads per-customer BTYD summaries, <c>id,x,t_x,T[,zbar]</c>, as the CDNOW summary files publish them. Columns
/// are found by name, with the aliases those files and the lifetimes library use: id or customer_id; x or
/// frequency; t_x or recency; T; zbar or monetary_value.
/// </summary>
public static class SummaryFileReader
{
    /// <summary>Row errors kept verbatim; the count covers all of them.</summary>
    public const int ErrorsKept = 20;

    private static readonly string[] IdNames = ["id", "customer_id"];
    private static readonly string[] RepeatNames = ["x", "frequency"];
    private static readonly string[] RecencyNames = ["t_x", "recency"];
    private static readonly string[] AgeNames = ["T"];
    private static readonly string[] SpendNames = ["zbar", "monetary_value"];

    /// <summary>Reads the whole file.</summary>
    public static async Task<SummaryFile> ReadAsync(TextReader text, CancellationToken cancellationToken)
    {
        var csv = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { HasHeaders = true }, cancellationToken).ConfigureAwait(false);
        await using (csv.ConfigureAwait(false))
        {
            var header = new HeaderColumns([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetName)]);
            int? id = Find(header, IdNames), x = Find(header, RepeatNames), tx = Find(header, RecencyNames), age = Find(header, AgeNames);
            var spend = Find(header, SpendNames);
            if (id is null || x is null || tx is null || age is null)
            {
                return new SummaryFile([], false, 0, [], 0,
                    $"expected the columns id,x,t_x,T[,zbar] (or ID,frequency,recency,T[,monetary_value]); found ({string.Join(",", header.Names)})");
            }

            var customers = new List<CustomerSummary>();
            var errors = new List<RowError>();
            long line = 1, rejected = 0;
            while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                line++;
                var error = TryRead(csv, line, id.Value, x.Value, tx.Value, age.Value, spend, out var customer);
                if (error is null)
                {
                    customers.Add(customer!);
                    continue;
                }

                rejected++;
                if (errors.Count < ErrorsKept)
                {
                    errors.Add(error);
                }
            }

            return new SummaryFile(customers, spend is not null, line - 1, errors, rejected, null);
        }
    }

    private static RowError? TryRead(CsvDataReader csv, long line, int id, int x, int tx, int age, int? spend, out CustomerSummary? customer)
    {
        customer = null;
        if (csv.RowFieldCount <= Math.Max(Math.Max(id, x), Math.Max(tx, Math.Max(age, spend ?? 0))))
        {
            return RowError.For(line, string.Empty, string.Empty, $"expected {csv.FieldCount} fields, found {csv.RowFieldCount}");
        }

        var customerId = CustomerIdNormalizer.Normalize(csv.GetFieldSpan(id));
        if (customerId.Length == 0)
        {
            return RowError.For(line, csv.GetName(id), string.Empty, "missing value");
        }

        if (!int.TryParse(csv.GetFieldSpan(x).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var repeat))
        {
            return RowError.For(line, csv.GetName(x), csv.GetFieldSpan(x), "not a whole number");
        }

        if (!TryNumber(csv, tx, line, out var recency, out var error) || !TryNumber(csv, age, line, out var observed, out error))
        {
            return error;
        }

        var averageSpend = 0.0;
        if (spend is { } s && !TryNumber(csv, s, line, out averageSpend, out error))
        {
            return error;
        }

        var history = new CustomerHistory(repeat, recency, observed);
        if (history.FindProblem() is { } problem)
        {
            return RowError.For(line, string.Empty, string.Empty, problem);
        }

        customer = new CustomerSummary(customerId, history, averageSpend);
        return null;
    }

    private static bool TryNumber(CsvDataReader csv, int ordinal, long line, out double value, out RowError? error)
    {
        var text = csv.GetFieldSpan(ordinal).Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            error = null;
            return true;
        }

        error = RowError.For(line, csv.GetName(ordinal), text, "not a number");
        return false;
    }

    private static int? Find(HeaderColumns header, string[] names)
    {
        foreach (var name in names)
        {
            // T and t_x differ by more than case, so case-insensitive matching is safe here.
            if (header.Find(name) is { } ordinal)
            {
                return ordinal;
            }
        }

        return null;
    }
}
