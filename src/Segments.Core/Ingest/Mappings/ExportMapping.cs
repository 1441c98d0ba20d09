using System.Text.Json.Serialization.Metadata;

namespace Segments.Core.Ingest.Mappings;

/// <summary>
/// How one kind of export maps to transaction lines: a data file (JSON), so that a store can add the
/// layout of an unknown export without a code change. Column lists mean "the first non-empty of these".
/// Setters rather than <c>init</c>: the source-generated reader (<see cref="MappingJsonContext"/>) sets every
/// <c>init</c> property, so one missing from a document would lose its default (dotnet/runtime#84484).
/// </summary>
public sealed record ExportMapping : IExportMapping<ExportMapping>
{
    /// <summary>Stable name (recorded per batch; used to force a mapping per upload).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>What export this is, in words.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Header columns whose presence identifies this layout (case-insensitive).</summary>
    public IReadOnlyList<string> Detect { get; set; } = [];

    /// <summary>For files without a header: a regular expression the first line matches.</summary>
    public string? HeaderlessPattern { get; set; }

    /// <summary>For files without a header: the column names, in order.</summary>
    public IReadOnlyList<string> Columns { get; set; } = [];

    /// <summary><c>delimited</c> (CSV, TSV, semicolons; or JSON Lines, detected) or <c>whitespace</c>.</summary>
    public string Layout { get; set; } = "delimited";

    /// <summary>
    /// The text encoding of files in this layout when it is not UTF-8 (e.g. <c>windows-1252</c> for a till
    /// system's export); blob metadata <c>encoding</c> overrides it for one upload.
    /// </summary>
    public string? Encoding { get; set; }

    /// <summary>Customer id columns.</summary>
    public IReadOnlyList<string> Customer { get; set; } = [];

    /// <summary>Order id column; when absent every row is an order of its own.</summary>
    public string? Order { get; set; }

    /// <summary>Order date columns (e.g. paid date, else created date).</summary>
    public IReadOnlyList<string> OrderDate { get; set; } = [];

    /// <summary>Exact date format (.NET custom format, e.g. <c>yyyyMMdd</c>); absent: ISO or M/d/yyyy.</summary>
    public string? DateFormat { get; set; }

    /// <summary>Line amount column.</summary>
    public string? Amount { get; set; }

    /// <summary>Quantity column; amount = quantity × unit price when no amount column is mapped.</summary>
    public string? Quantity { get; set; }

    /// <summary>Unit price column.</summary>
    public string? UnitPrice { get; set; }

    /// <summary>Order total column, counted once per order (line-item exports repeat or blank it).</summary>
    public string? OrderTotal { get; set; }

    /// <summary>Refunded amount of the order, subtracted from the total (sign ignored).</summary>
    public string? Refunded { get; set; }

    /// <summary>Product (SKU or name) columns.</summary>
    public IReadOnlyList<string> Product { get; set; } = [];

    /// <summary>Country columns.</summary>
    public IReadOnlyList<string> Country { get; set; } = [];

    /// <summary>Currency column (ISO code).</summary>
    public string? Currency { get; set; }

    /// <summary>How a cancellation shows.</summary>
    public CancellationRule? Cancellation { get; set; }

    /// <summary>Rows without a customer id are skipped and counted instead of rejected (guest checkouts).</summary>
    public bool SkipRowsWithoutCustomer { get; set; }

    /// <summary>Order-level fields appear on the first row of each order only; later rows inherit them.</summary>
    public bool OrderFieldsOnFirstRow { get; set; }

    /// <inheritdoc />
    public static string KindName => "mapping";

    /// <inheritdoc />
    public static IReadOnlyList<string> BuiltInNames { get; } = ["uci-online-retail", "shopify-orders", "woocommerce-orders", "cdnow", "generic"];

    /// <inheritdoc />
    public static string BuiltInResource(string name) => $"Segments.Core.Ingest.Mappings.BuiltIn.{name}.json";

    /// <inheritdoc />
    public static IReadOnlyList<string> Problems(ExportMapping mapping) => MappingValidator.Problems(mapping);

    /// <inheritdoc />
    public static JsonTypeInfo<ExportMapping> JsonTypeInfo => MappingJsonContext.Default.ExportMapping;

    /// <inheritdoc />
    public static string HeaderName => "header";

    /// <inheritdoc />
    public string? DescribeDetection() => Detect.Count > 0 ? string.Join(",", Detect) : null;

    /// <summary>All of <see cref="Detect"/> in the header; a mapping without detect columns is only used by name or first-line pattern.</summary>
    public bool IsDetectedBy(HeaderColumns header) => Detect.Count > 0 && Detect.All(d => header.Find(d) is not null);
}

/// <summary>How an export marks cancellations (setters, as <see cref="ExportMapping"/> says why).</summary>
public sealed record CancellationRule
{
    /// <summary>The column to look at.</summary>
    public string Column { get; set; } = string.Empty;

    /// <summary>
    /// <c>document</c>: the row belongs to a cancellation document whose (negative) amount counts, as UCI's
    /// <c>C</c> invoices; <c>order</c>: the order itself is void, so it is no order and brings no revenue.
    /// </summary>
    public string Kind { get; set; } = "order";

    /// <summary>Cancelled when the value starts with this (case-insensitive).</summary>
    public string? Prefix { get; set; }

    /// <summary>Cancelled when the value is one of these (case-insensitive).</summary>
    public IReadOnlyList<string> Values { get; set; } = [];

    /// <summary>Cancelled when the value is not empty (e.g. a cancellation timestamp).</summary>
    public bool NonEmpty { get; set; }
}
