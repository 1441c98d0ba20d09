using Segments.Core.Transactions;
using Sylvan.Data.Csv;

namespace Segments.Core.Ingest;

/// <summary>
/// The minimal layout any shop can produce: <c>customer_id,order_id,order_date,amount[,country]</c>,
/// one row per order or per order line (lines of one order share the order id).
/// </summary>
public sealed class GenericOrdersProfile : ExportProfile
{
    /// <inheritdoc />
    public override string Name => "generic";

    /// <inheritdoc />
    public override IReadOnlyList<string> RequiredColumns { get; } = ["customer_id", "order_id", "order_date", "amount"];

    /// <inheritdoc />
    public override IRowMapper Bind(HeaderColumns header) => new Mapper(
        header.Require("customer_id"),
        header.Require("order_id"),
        header.Require("order_date"),
        header.Require("amount"),
        header.Find("country"));

    private sealed record Mapper(int Customer, int Order, int Date, int Amount, int? Country) : IRowMapper
    {
        public ParsedRow Map(CsvDataReader row, long line)
        {
            var customerId = CustomerIdNormalizer.Normalize(row.GetFieldSpan(Customer));
            if (customerId.Length == 0)
            {
                return ParsedRow.Reject(RowError.For(line, "customer_id", string.Empty, "missing value"));
            }

            if (!FieldReader.TryText(row, Order, "order_id", line, out var order, out var error)
                || !FieldReader.TryDate(row, Date, "order_date", line, out var date, out error)
                || !FieldReader.TryDecimal(row, Amount, "amount", line, out var amount, out error))
            {
                return ParsedRow.Reject(error!);
            }

            return ParsedRow.Accept(line, new TransactionLine(customerId, order, date, amount, FieldReader.Optional(row, Country), IsCancellation: false));
        }
    }
}
