namespace Segments.Core.Ingest;

/// <summary>The row accounting of reading a purchase log.</summary>
/// <param name="Layout">How the file was read (delimiter and columns), for the user to check.</param>
/// <param name="RowsRead">Data rows seen (blank lines not counted).</param>
/// <param name="RowsAccepted">Rows that became purchases.</param>
/// <param name="RowsRejected">Rows that could not be read.</param>
/// <param name="FirstErrors">The first rejected rows, with line, column, value and reason.</param>
/// <param name="HasAmounts">True when an amount column was read.</param>
/// <param name="Rejection">Why the whole file was refused, or null.</param>
public sealed record PurchaseLogReport(
    string Layout,
    long RowsRead,
    long RowsAccepted,
    long RowsRejected,
    IReadOnlyList<RowError> FirstErrors,
    bool HasAmounts,
    string? Rejection)
{
    /// <summary>A file refused whole.</summary>
    public static PurchaseLogReport Refused(string reason) => new(string.Empty, 0, 0, 0, [], false, reason);
}
