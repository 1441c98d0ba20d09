using System.Text;
using Segments.Core.Ingest;

namespace Segments.Core.Tests.Ingest;

/// <summary>Runs CSV text through <see cref="TransactionFileReader"/> as a UTF-8 stream, the way an upload arrives.</summary>
internal static class ExportFile
{
    public const string UciHeader = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    public const string GenericHeader = "customer_id,order_id,order_date,amount,country";

    public static MemoryStream StreamOf(string csv, bool byteOrderMark = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        return new MemoryStream(byteOrderMark ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
    }

    /// <summary>Opens the file; the reader is null and the rejection set when the header is refused.</summary>
    public static async Task<(string? Profile, string? Rejection)> OpenAsync(string csv, bool byteOrderMark = false)
    {
        using var stream = StreamOf(csv, byteOrderMark);
        var (reader, rejection) = await TransactionFileReader.OpenAsync(stream, CancellationToken.None);
        if (reader is null)
        {
            return (null, rejection);
        }

        await using (reader)
        {
            return (reader.Mapping.Name, rejection);
        }
    }

    /// <summary>Every data row of a file whose header must be accepted.</summary>
    public static async Task<IReadOnlyList<ParsedRow>> ReadRowsAsync(string csv, bool byteOrderMark = false)
    {
        using var stream = StreamOf(csv, byteOrderMark);
        var (reader, rejection) = await TransactionFileReader.OpenAsync(stream, CancellationToken.None);
        Assert.True(reader is not null, $"header rejected: {rejection}");
        await using (reader)
        {
            var rows = new List<ParsedRow>();
            await foreach (var row in reader.ReadRowsAsync(CancellationToken.None))
            {
                rows.Add(row);
            }

            return rows;
        }
    }

    /// <summary>The single data row of a one-row file.</summary>
    public static async Task<ParsedRow> ReadSingleRowAsync(string csv) => Assert.Single(await ReadRowsAsync(csv));
}
