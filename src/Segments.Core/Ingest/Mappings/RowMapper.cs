using System.Globalization;
using Segments.Core.Ingest.Chunked;
using Segments.Core.Ingest.Records;
using Segments.Core.Transactions;

namespace Segments.Core.Ingest.Mappings;

/// <summary>
/// Turns the records of one file into transaction lines by a bound mapping. Holds the per-file state that
/// line-item exports need: order-level fields carried from an order's first row, and order totals counted
/// once per order.
/// </summary>
public sealed class RowMapper(BoundMapping bound, IngestOptions options, CustomerIdPolicy customers) : IRowMapper<ParsedRow>
{
    /// <summary>Maps with <paramref name="strings"/>, a cache kept across the chunks one worker maps.</summary>
    internal RowMapper(BoundMapping bound, IngestOptions options, CustomerIdPolicy customers, RecurringStrings? strings)
        : this(bound, options, customers)
    {
        _strings = strings ?? new(customers);
    }

    /// <summary>
    /// Whether lines get their <see cref="TransactionLine.Product"/>; a consumer that never reads it (scoring)
    /// turns it off and saves a string lookup per line (one in six of the mapping's time on the 1 GiB file).
    /// </summary>
    internal bool MapsProducts { get; init; } = true;

    // Arrays rather than the bound lists: every row reads them, and an interface call per element adds up.
    private readonly int[] _customerOrdinals = [.. bound.Customer];
    private readonly int[] _dateOrdinals = [.. bound.OrderDate];
    private readonly int[] _productOrdinals = [.. bound.Product];
    private readonly int[] _countryOrdinals = [.. bound.Country];

    // An array for the same reason: a foreach over the rule's list took three interface calls per row, even when empty.
    private readonly string[] _cancelledValues = bound.Mapping.Cancellation is { } rule ? [.. rule.Values] : [];
    private readonly char[] _lastDateText = new char[32];
    private int _lastDateLength = -1;
    private DateOnly _lastDate;
    private readonly HashSet<string> _ordersWithTotal = new(StringComparer.Ordinal);
    private readonly RecurringStrings _strings = new(customers);
    private string? _currentOrder;
    private string? _noCustomer;
    private string _orderCustomer = string.Empty;
    private string _orderDate = string.Empty;
    private string _orderCountry = string.Empty;
    private string _orderCurrency = string.Empty;
    private string _orderCancellation = string.Empty;

    /// <summary>Maps the current record.</summary>
    public ParsedRow Map(IExportRecord record, long line)
    {
        var mapping = bound.Mapping;
        var orderId = bound.Order is { } orderOrdinal ? _strings.OrderId(FieldText.Trim(Field(record, orderOrdinal))) : null;
        CarryOrderFields(record, orderId);

        var customerText = FirstNonEmpty(record, _customerOrdinals, _orderCustomer);
        var customer = _strings.Customer(customerText);
        var customerId = customer.Id;
        if (customerId.Length == 0)
        {
            return mapping.SkipRowsWithoutCustomer
                ? ParsedRow.Skip(line, _noCustomer ??= $"no {mapping.Customer[0]}")
                : ParsedRow.Reject(RowError.For(line, mapping.Customer[0], customerText, "missing customer id"));
        }

        if (orderId is { Length: 0 })
        {
            return ParsedRow.Reject(RowError.For(line, mapping.Order!, string.Empty, "missing order id"));
        }

        var dateText = FirstNonEmpty(record, _dateOrdinals, _orderDate);
        if (!TryDate(dateText, out var date))
        {
            return ParsedRow.Reject(RowError.For(line, ColumnOf(bound.OrderDate), dateText,
                dateText.IsEmpty ? "missing date" : mapping.DateFormat is { } f ? $"not a date in the form {f}" : "not a date (expected yyyy-MM-dd, an ISO timestamp or M/d/yyyy H:mm)"));
        }

        var rate = 1m;
        var currency = bound.Currency is { } currencyOrdinal ? Carried(Field(record, currencyOrdinal), _orderCurrency) : [];
        if (options.ReportingCurrency is { } reporting && !currency.IsEmpty && !currency.Equals(reporting, StringComparison.OrdinalIgnoreCase))
        {
            if (!options.CurrencyRates.TryGetValue(currency.ToString().ToUpperInvariant(), out rate))
            {
                return ParsedRow.Reject(RowError.For(line, mapping.Currency!, currency,
                    $"currency {currency.ToString().ToUpperInvariant()} is not the store's reporting currency {reporting} and no rate is configured for it (Segments:Ingest:CurrencyRates)"));
            }
        }

        bool amountOk;
        decimal amount;
        RowError? amountError;
        try
        {
            (amountOk, amount, amountError) = ReadAmount(record, line, orderId);
            amount *= rate;
        }
        catch (OverflowException)
        {
            (amountOk, amount, amountError) = (false, 0, RowError.For(line, AmountColumn(), string.Empty, "the amount is too large to compute"));
        }

        if (!amountOk)
        {
            return ParsedRow.Reject(amountError!);
        }

        var cancelled = IsCancelled(record);
        var voidOrder = cancelled && mapping.Cancellation!.Kind == "order";
        var transaction = new TransactionLine(
            customerId,
            orderId ?? $"{customerId}:{date:yyyyMMdd}:{line}",
            date,
            voidOrder ? 0m : amount,
            _strings.Country(FirstNonEmpty(record, _countryOrdinals, _orderCountry)),
            cancelled)
        {
            Product = MapsProducts ? _strings.Product(FirstNonEmpty(record, _productOrdinals, [])) : string.Empty,
        };
        return ParsedRow.Accept(line, transaction, customer);
    }

    private (bool Ok, decimal Amount, RowError? Error) ReadAmount(IExportRecord record, long line, string? orderId)
    {
        var mapping = bound.Mapping;
        if (bound.OrderTotal is { } totalOrdinal)
        {
            // Line-item exports repeat the order total on every row, or give it on the first row only:
            // either way it counts once per order, on the first row that carries it.
            var totalText = FieldText.Trim(Field(record, totalOrdinal));
            if (totalText.IsEmpty || (orderId is not null && _ordersWithTotal.Contains(orderId)))
            {
                return (true, 0m, null);
            }

            if (!TryNumber(totalText, out var total))
            {
                return (false, 0, RowError.For(line, mapping.OrderTotal!, totalText, "not a number"));
            }

            var refunded = 0m;
            if (bound.Refunded is { } refundOrdinal && !FieldText.Trim(Field(record, refundOrdinal)).IsEmpty && !TryNumber(FieldText.Trim(Field(record, refundOrdinal)), out refunded))
            {
                return (false, 0, RowError.For(line, mapping.Refunded!, Field(record, refundOrdinal), "not a number"));
            }

            if (orderId is not null)
            {
                _ordersWithTotal.Add(orderId);
            }

            // Exports disagree on the sign of refunds; a refund always lowers revenue.
            return (true, total - Math.Abs(refunded), null);
        }

        if (bound.Amount is { } amountOrdinal)
        {
            var text = FieldText.Trim(Field(record, amountOrdinal));
            return TryNumber(text, out var amount)
                ? (true, amount, null)
                : (false, 0, RowError.For(line, mapping.Amount!, text, text.IsEmpty ? "missing number" : "not a number"));
        }

        var quantityText = FieldText.Trim(Field(record, bound.Quantity!.Value));
        if (!TryNumber(quantityText, out var quantity))
        {
            return (false, 0, RowError.For(line, mapping.Quantity!, quantityText, quantityText.IsEmpty ? "missing number" : "not a number"));
        }

        var priceText = FieldText.Trim(Field(record, bound.UnitPrice!.Value));
        return TryNumber(priceText, out var price)
            ? (true, quantity * price, null)
            : (false, 0, RowError.For(line, mapping.UnitPrice!, priceText, priceText.IsEmpty ? "missing number" : "not a number"));
    }

    private bool IsCancelled(IExportRecord record)
    {
        if (bound.Mapping.Cancellation is not { } rule || bound.Cancellation is not { } ordinal)
        {
            return false;
        }

        var value = Carried(Field(record, ordinal), _orderCancellation);
        if ((rule.NonEmpty && !value.IsEmpty) || (rule.Prefix is { } prefix && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        foreach (var cancelled in _cancelledValues)
        {
            if (value.Equals(cancelled, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>On the first row of an order, remembers its order-level fields for the rows that follow.</summary>
    private void CarryOrderFields(IExportRecord record, string? orderId)
    {
        if (!bound.Mapping.OrderFieldsOnFirstRow || orderId is null || orderId == _currentOrder)
        {
            return;
        }

        _currentOrder = orderId;
        _orderCustomer = FirstNonEmpty(record, _customerOrdinals, []).ToString();
        _orderDate = FirstNonEmpty(record, _dateOrdinals, []).ToString();
        _orderCountry = FirstNonEmpty(record, _countryOrdinals, []).ToString();
        _orderCurrency = bound.Currency is { } c ? Field(record, c).Trim().ToString() : string.Empty;
        _orderCancellation = bound.Cancellation is { } x ? Field(record, x).Trim().ToString() : string.Empty;
    }

    // Trimmed: the carried value was trimmed when it was kept.
    private ReadOnlySpan<char> Carried(ReadOnlySpan<char> value, string carried)
    {
        var trimmed = FieldText.Trim(value);
        return trimmed.IsEmpty && bound.Mapping.OrderFieldsOnFirstRow ? carried : trimmed;
    }

    // The chunked parser's record called directly: its fields are read some ten times per row.
    private static ReadOnlySpan<char> Field(IExportRecord record, int ordinal) =>
        record is ChunkRecord chunk ? chunk.Field(ordinal) : record.Field(ordinal);

    private ReadOnlySpan<char> FirstNonEmpty(IExportRecord record, int[] ordinals, ReadOnlySpan<char> carried)
    {
        for (var i = 0; i < ordinals.Length; i++)
        {
            var value = FieldText.Trim(Field(record, ordinals[i]));
            if (!value.IsEmpty)
            {
                return value;
            }
        }

        return bound.Mapping.OrderFieldsOnFirstRow ? carried : [];
    }

    private string AmountColumn() => bound.Mapping.OrderTotal ?? bound.Mapping.Amount ?? bound.Mapping.Quantity ?? string.Empty;

    private string ColumnOf(IReadOnlyList<int> ordinals) => ordinals.Count > 0 ? bound.ColumnNames[ordinals[0]] : string.Empty;

    private bool TryDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        // The rows of one order repeat its timestamp: the text of the last date read is compared first.
        if (text.Length == _lastDateLength && text.SequenceEqual(_lastDateText.AsSpan(0, _lastDateLength)))
        {
            date = _lastDate;
            return true;
        }

        var read = bound.Mapping.DateFormat is { } format
            ? DateOnly.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            : OrderDateParser.TryParse(text, out date);
        if (read && text.Length <= _lastDateText.Length)
        {
            text.CopyTo(_lastDateText);
            (_lastDateLength, _lastDate) = (text.Length, date);
        }

        return read;
    }

    // Plain values (most of them) are read by hand first: decimal.TryParse was a sixth of the mapping time.
    private static bool TryNumber(ReadOnlySpan<char> text, out decimal value) =>
        PlainDecimal.TryRead(text, out value) || decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
