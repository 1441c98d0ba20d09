namespace Segments.Core.Ingest;

/// <summary>What reading one export found: the same report for the blob trigger, <c>validate</c> and <c>score</c>.</summary>
public sealed record IngestReport(
    string? Mapping,
    string? Format,
    long RowsRead,
    long RowsAccepted,
    long RowsSkipped,
    long RowsRejected,
    IReadOnlyList<RowError> FirstErrors,
    string? Rejection)
{
    /// <summary>How many row errors a report keeps verbatim; the counts cover all of them.</summary>
    public const int ErrorsKept = 20;

    /// <summary>The report of a file refused before any row was read, for <paramref name="rejection"/>.</summary>
    public static IngestReport Unread(string? rejection) => new(null, null, 0, 0, 0, 0, [], rejection);

    /// <summary>
    /// The earliest order date (UTC day) among the accepted rows of an order export; null without accepted rows
    /// and for customer exports. The Batches ledger keeps it, so that a run request can be checked against the data.
    /// </summary>
    public DateOnly? FirstOrderDate { get; init; }

    /// <summary>The latest order date (UTC day) among the accepted rows, as <see cref="FirstOrderDate"/>.</summary>
    public DateOnly? LatestOrderDate { get; init; }

    /// <summary>True when the file as a whole is refused and none of its rows may count.</summary>
    public bool IsRejected => Rejection is not null;
}
