using Segments.Core.Ingest.Mappings;
using Segments.Core.Transactions;

namespace Segments.Core.Ingest;

/// <summary>The outcome for one data row: a transaction, a skip with its reason, or an error.</summary>
public readonly record struct ParsedRow(long Line, RowStatus Status, TransactionLine Transaction, RowError? Error, string? SkipReason) : IParsedRow<ParsedRow>
{
    /// <summary>
    /// The mapper's entry for the accepted line's customer (the same id as <see cref="TransactionLine.CustomerId"/>),
    /// so that a fold on the parse task finds what it keeps for the customer without hashing the id again; null when
    /// the row was not made by a <see cref="RowMapper"/>.
    /// </summary>
    internal CustomerEntry? Customer { get; init; }

    /// <summary>A row that became a transaction.</summary>
    public static ParsedRow Accept(long line, TransactionLine transaction) => new(line, RowStatus.Accepted, transaction, null, null);

    /// <summary>A row that became a transaction of <paramref name="customer"/>'s.</summary>
    internal static ParsedRow Accept(long line, TransactionLine transaction, CustomerEntry customer) =>
        new(line, RowStatus.Accepted, transaction, null, null) { Customer = customer };

    /// <summary>A well-formed row that is deliberately not used.</summary>
    public static ParsedRow Skip(long line, string reason) => new(line, RowStatus.Skipped, default, null, reason);

    /// <summary>A row that could not be read.</summary>
    public static ParsedRow Reject(RowError error) => new(error.Line, RowStatus.Rejected, default, error, null);
}
