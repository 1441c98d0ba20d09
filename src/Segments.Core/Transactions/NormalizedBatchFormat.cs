using System.Buffers;
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

    // Normalised lines are short (ids, a date, an amount, a country, a SKU); a longer one takes the plain route.
    private const int LineBufferChars = 512;

    /// <summary>Writes the header.</summary>
    public static Task WriteHeaderAsync(TextWriter writer) => writer.WriteLineAsync(Header);

    /// <summary>Writes one line.</summary>
    public static Task WriteAsync(TextWriter writer, in TransactionLine line)
    {
        // Formatted into a pooled buffer rather than a new string per line: this write was about a third of
        // an ingest's time (bench/README.md). Lines too long for the buffer take the plain route.
        var buffer = ArrayPool<char>.Shared.Rent(LineBufferChars);
        if (!TryFormat(line, buffer, out var length))
        {
            ArrayPool<char>.Shared.Return(buffer);
            return writer.WriteLineAsync(LineText(line));
        }

        var write = writer.WriteLineAsync(buffer.AsMemory(0, length));
        if (write.IsCompletedSuccessfully)
        {
            ArrayPool<char>.Shared.Return(buffer);
            return write;
        }

        return ReturnAfterAsync(write, buffer);
    }

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

    /// <summary>
    /// The same text as the interpolated line above (the order_date as yyyy-MM-dd, the amount in its default
    /// invariant format), written into <paramref name="destination"/>; false when it does not fit.
    /// </summary>
    private static bool TryFormat(in TransactionLine line, Span<char> destination, out int length)
    {
        length = 0;
        var date = line.OrderDate;
        return TryAppend(destination, ref length, CsvField.Escape(line.CustomerId))
            && TryAppend(destination, ref length, ",")
            && TryAppend(destination, ref length, CsvField.Escape(line.OrderId))
            && TryAppend(destination, ref length, ",")
            && TryAppendDigits(destination, ref length, date.Year, 4)
            && TryAppend(destination, ref length, "-")
            && TryAppendDigits(destination, ref length, date.Month, 2)
            && TryAppend(destination, ref length, "-")
            && TryAppendDigits(destination, ref length, date.Day, 2)
            && TryAppend(destination, ref length, ",")
            && TryAppendAmount(destination, ref length, line.Amount)
            && TryAppend(destination, ref length, ",")
            && TryAppend(destination, ref length, CsvField.Escape(line.Country))
            && TryAppend(destination, ref length, line.IsCancellation ? ",1," : ",0,")
            && TryAppend(destination, ref length, CsvField.Escape(line.Product));
    }

    private static bool TryAppend(Span<char> destination, ref int length, ReadOnlySpan<char> text)
    {
        if (!text.TryCopyTo(destination[length..]))
        {
            return false;
        }

        length += text.Length;
        return true;
    }

    private static bool TryAppendAmount(Span<char> destination, ref int length, decimal amount)
    {
        if (!amount.TryFormat(destination[length..], out var written, default, CultureInfo.InvariantCulture))
        {
            return false;
        }

        length += written;
        return true;
    }

    private static bool TryAppendDigits(Span<char> destination, ref int length, int value, int digits)
    {
        if (destination.Length - length < digits)
        {
            return false;
        }

        for (var i = digits - 1; i >= 0; i--)
        {
            destination[length + i] = (char)('0' + (value % 10));
            value /= 10;
        }

        length += digits;
        return true;
    }

    private static async Task ReturnAfterAsync(Task write, char[] buffer)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>UTF-8 without a byte order mark, as every writer of this format uses.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
