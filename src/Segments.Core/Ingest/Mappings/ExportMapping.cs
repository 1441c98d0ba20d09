namespace Segments.Core.Ingest.Mappings;

/// <summary>
/// How one kind of export maps to transaction lines: a data file (JSON), so that a store can add the
/// layout of an unknown export without a code change. Column lists mean "the first non-empty of these".
/// </summary>
public sealed record ExportMapping : IExportMapping<ExportMapping>
{
    /// <summary>Stable name (recorded per batch; used to force a mapping per upload).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>What export this is, in words.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Header columns whose presence identifies this layout (case-insensitive).</summary>
    public IReadOnlyList<string> Detect { get; init; } = [];

    /// <summary>For files without a header: a regular expression the first line matches.</summary>
    public string? HeaderlessPattern { get; init; }

    /// <summary>For files without a header: the column names, in order.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary><c>delimited</c> (CSV, TSV, semicolons; or JSON Lines, detected) or <c>whitespace</c>.</summary>
    public string Layout { get; init; } = "delimited";

    /// <summary>
    /// The text encoding of files in this layout when it is not UTF-8 (e.g. <c>windows-1252</c> for a till
    /// system's export); blob metadata <c>encoding</c> overrides it for one upload.
    /// </summary>
    public string? Encoding { get; init; }

    /// <summary>Customer id columns.</summary>
    public IReadOnlyList<string> Customer { get; init; } = [];

    /// <summary>Order id column; when absent every row is an order of its own.</summary>
    public string? Order { get; init; }

    /// <summary>Order date columns (e.g. paid date, else created date).</summary>
    public IReadOnlyList<string> OrderDate { get; init; } = [];

    /// <summary>Exact date format (.NET custom format, e.g. <c>yyyyMMdd</c>); absent: ISO or M/d/yyyy.</summary>
    public string? DateFormat { get; init; }

    /// <summary>Line amount column.</summary>
    public string? Amount { get; init; }

    /// <summary>Quantity column; amount = quantity × unit price when no amount column is mapped.</summary>
    public string? Quantity { get; init; }

    /// <summary>Unit price column.</summary>
    public string? UnitPrice { get; init; }

    /// <summary>Order total column, counted once per order (line-item exports repeat or blank it).</summary>
    public string? OrderTotal { get; init; }

    /// <summary>Refunded amount of the order, subtracted from the total (sign ignored).</summary>
    public string? Refunded { get; init; }

    /// <summary>Product (SKU or name) columns.</summary>
    public IReadOnlyList<string> Product { get; init; } = [];

    /// <summary>Country columns.</summary>
    public IReadOnlyList<string> Country { get; init; } = [];

    /// <summary>Currency column (ISO code).</summary>
    public string? Currency { get; init; }

    /// <summary>How a cancellation shows.</summary>
    public CancellationRule? Cancellation { get; init; }

    /// <summary>Rows without a customer id are skipped and counted instead of rejected (guest checkouts).</summary>
    public bool SkipRowsWithoutCustomer { get; init; }

    /// <summary>Order-level fields appear on the first row of each order only; later rows inherit them.</summary>
    public bool OrderFieldsOnFirstRow { get; init; }

    /// <inheritdoc />
    public static string KindName => "mapping";

    /// <inheritdoc />
    public static IReadOnlyList<string> BuiltInNames { get; } = ["uci-online-retail", "shopify-orders", "woocommerce-orders", "cdnow", "generic"];

    /// <inheritdoc />
    public static string BuiltInResource(string name) => $"Segments.Core.Ingest.Mappings.BuiltIn.{name}.json";

    /// <inheritdoc />
    public static IReadOnlyList<string> Problems(ExportMapping mapping) => MappingValidator.Problems(mapping);

    /// <inheritdoc />
    public static string HeaderName => "header";

    /// <inheritdoc />
    public string? DescribeDetection() => Detect.Count > 0 ? string.Join(",", Detect) : null;

    /// <summary>All of <see cref="Detect"/> in the header; a mapping without detect columns is only used by name or first-line pattern.</summary>
    public bool IsDetectedBy(HeaderColumns header) => Detect.Count > 0 && Detect.All(d => header.Find(d) is not null);
}

/// <summary>How an export marks cancellations.</summary>
public sealed record CancellationRule
{
    /// <summary>The column to look at.</summary>
    public string Column { get; init; } = string.Empty;

    /// <summary>
    /// <c>document</c>: the row belongs to a cancellation document whose (negative) amount counts, as UCI's
    /// <c>C</c> invoices; <c>order</c>: the order itself is void, so it is no order and brings no revenue.
    /// </summary>
    public string Kind { get; init; } = "order";

    /// <summary>Cancelled when the value starts with this (case-insensitive).</summary>
    public string? Prefix { get; init; }

    /// <summary>Cancelled when the value is one of these (case-insensitive).</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>Cancelled when the value is not empty (e.g. a cancellation timestamp).</summary>
    public bool NonEmpty { get; init; }
}
