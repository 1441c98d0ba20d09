using Segments.Core.Ingest;

namespace Segments.Core.Btyd;

/// <summary>What reading a BTYD summary file gave.</summary>
/// <param name="Customers">Every row that could be read, in file order.</param>
/// <param name="HasSpend">True when the file has a z̄ column.</param>
/// <param name="RowsRead">Data rows seen.</param>
/// <param name="Errors">Rows that could not be read, the first <see cref="SummaryFileReader.ErrorsKept"/> of them.</param>
/// <param name="RowsRejected">Rows that could not be read, all of them.</param>
/// <param name="Rejection">Why the whole file was refused (bad header), or null.</param>
public sealed record SummaryFile(
    IReadOnlyList<CustomerSummary> Customers,
    bool HasSpend,
    long RowsRead,
    IReadOnlyList<RowError> Errors,
    long RowsRejected,
    string? Rejection);
