using Segments.Core.Transactions;
using Sylvan.Data.Csv;

namespace Segments.Core.Ingest;

/// <summary>
/// The UCI Online Retail export (Chen et al. 2012): one row per invoice line. An order is an InvoiceNo,
/// invoices starting with <c>C</c> are cancellations, line amount = Quantity × UnitPrice, and rows
/// without a CustomerID (about a quarter of the file) are skipped and counted.
/// </summary>
public sealed class UciOnlineRetailProfile : ExportProfile
{
    /// <inheritdoc />
    public override string Name => "uci-online-retail";

    /// <inheritdoc />
    public override IReadOnlyList<string> RequiredColumns { get; } = ["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"];

    /// <inheritdoc />
    public override IRowMapper Bind(HeaderColumns header) => new Mapper(
        header.Require("InvoiceNo"),
        header.Require("Quantity"),
        header.Require("InvoiceDate"),
        header.Require("UnitPrice"),
        header.Require("CustomerID"),
        header.Find("Country"));

    private sealed record Mapper(int Invoice, int Quantity, int Date, int Price, int Customer, int? Country) : IRowMapper
    {
        public ParsedRow Map(CsvDataReader row, long line)
        {
            var customerId = CustomerIdNormalizer.Normalize(row.GetFieldSpan(Customer));
            if (customerId.Length == 0)
            {
                return ParsedRow.Skip(line, "no CustomerID");
            }

            if (!FieldReader.TryText(row, Invoice, "InvoiceNo", line, out var invoice, out var error)
                || !FieldReader.TryDecimal(row, Quantity, "Quantity", line, out var quantity, out error)
                || !FieldReader.TryDecimal(row, Price, "UnitPrice", line, out var price, out error)
                || !FieldReader.TryDate(row, Date, "InvoiceDate", line, out var date, out error))
            {
                return ParsedRow.Reject(error!);
            }

            var isCancellation = invoice[0] is 'C' or 'c';
            return ParsedRow.Accept(line, new TransactionLine(customerId, invoice, date, quantity * price, FieldReader.Optional(row, Country), isCancellation));
        }
    }
}
