using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Segments.Core.Ingest;
using Sylvan.Data.Csv;

namespace Segments.Core.Transactions;

/// <summary>
/// The compact CSV that ingestion writes once per batch and every recompute reads back, so that a run
/// never re-parses the shops' exports: <c>customer_id,order_id,order_date,amount,country,cancelled,product</c>.
/// </summary>
public static class NormalizedBatchFormat
{
    /// <summary>The header line.</summary>
    public const string Header = "customer_id,order_id,order_date,amount,country,cancelled,product";

    /// <summary>Writes the header.</summary>
    public static Task WriteHeaderAsync(TextWriter writer) => writer.WriteLineAsync(Header);

    /// <summary>Writes one line (the blob trigger writes bytes with <see cref="NormalizedBatchWriter"/>; this is the text route).</summary>
    public static Task WriteAsync(TextWriter writer, in TransactionLine line) => writer.WriteLineAsync(LineText(line));

    /// <summary>One line's text without its line break, as first written (the reference for the buffered writers).</summary>
    internal static string LineText(in TransactionLine line) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{CsvField.Escape(line.CustomerId)},{CsvField.Escape(line.OrderId)},{line.OrderDate:yyyy-MM-dd},{line.Amount},{CsvField.Escape(line.Country)},{(line.IsCancellation ? 1 : 0)},{CsvField.Escape(line.Product)}");

    /// <summary>Reads every line back. The input was written by <see cref="WriteAsync"/>; anything else is a bug, so it throws.</summary>
    public static async IAsyncEnumerable<TransactionLine> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var csv = await CsvDataReader.CreateAsync(reader, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', Comment = Ingest.Records.CsvRecordSource.NoComments }, cancellationToken).ConfigureAwait(false);
        await using (csv.ConfigureAwait(false))
        {
            while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return new TransactionLine(
                    csv.GetString(0),
                    csv.GetString(1),
                    DateOnly.ParseExact(csv.GetFieldSpan(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    decimal.Parse(csv.GetFieldSpan(3), NumberStyles.Float, CultureInfo.InvariantCulture),
                    csv.GetString(4),
                    csv.GetFieldSpan(5) is "1")
                {
                    // Batches written before products were kept have six columns.
                    Product = csv.RowFieldCount > 6 ? csv.GetString(6) : string.Empty,
                };
            }
        }
    }

    /// <summary>UTF-8 without a byte order mark, as every writer of this format uses.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
