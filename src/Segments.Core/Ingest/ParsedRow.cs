using Segments.Core.Transactions;

namespace Segments.Core.Ingest;

/// <summary>The outcome for one data row: a transaction, a skip with its reason, or an error.</summary>
public readonly record struct ParsedRow(long Line, RowStatus Status, TransactionLine Transaction, RowError? Error, string? SkipReason) : IParsedRow<ParsedRow>
{
    /// <summary>A row that became a transaction.</summary>
    public static ParsedRow Accept(long line, TransactionLine transaction) => new(line, RowStatus.Accepted, transaction, null, null);

    /// <summary>A well-formed row that is deliberately not used.</summary>
    public static ParsedRow Skip(long line, string reason) => new(line, RowStatus.Skipped, default, null, reason);

    /// <summary>A row that could not be read.</summary>
    public static ParsedRow Reject(RowError error) => new(error.Line, RowStatus.Rejected, default, error, null);
}
