namespace Segments.Core.Ingest;

/// <summary>
/// Where the customer, date and amount of each purchase are in a purchase log. A column is a header name
/// (compared case-insensitively) or a 1-based position (for files without a header, such as the CDNOW logs).
/// </summary>
/// <param name="CustomerColumn">Customer id column; default: the first of customer_id, CustomerID, customer.</param>
/// <param name="DateColumn">Purchase date column; default: the first of date, order_date, InvoiceDate.</param>
/// <param name="AmountColumn">Purchase value column; default: the first of amount, dollar_value, value; none means spend is unknown.</param>
/// <param name="DateFormat">.NET exact date format (e.g. <c>yyyyMMdd</c>); default: eight digits as yyyyMMdd, else the export date forms.</param>
public sealed record PurchaseLogOptions(
    string? CustomerColumn = null,
    string? DateColumn = null,
    string? AmountColumn = null,
    string? DateFormat = null)
{
    /// <summary>True when the caller named no column, so the layout may be detected from the header.</summary>
    public bool UsesDefaultColumns => CustomerColumn is null && DateColumn is null && AmountColumn is null;
}
