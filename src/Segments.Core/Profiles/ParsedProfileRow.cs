using Segments.Core.Ingest;

namespace Segments.Core.Profiles;

/// <summary>The outcome for one data row of a customer export: a profile record, a skip with its reason, or an error.</summary>
public readonly record struct ParsedProfileRow(long Line, RowStatus Status, ProfileRecord? Record, RowError? Error, string? SkipReason) : IParsedRow<ParsedProfileRow>
{
    /// <summary>A row that became a profile record.</summary>
    public static ParsedProfileRow Accept(long line, ProfileRecord record) => new(line, RowStatus.Accepted, record, null, null);

    /// <summary>A well-formed row that is deliberately not used.</summary>
    public static ParsedProfileRow Skip(long line, string reason) => new(line, RowStatus.Skipped, null, null, reason);

    /// <summary>A row that could not be read.</summary>
    public static ParsedProfileRow Reject(RowError error) => new(error.Line, RowStatus.Rejected, null, error, null);
}
