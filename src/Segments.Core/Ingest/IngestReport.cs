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
    /// <summary>True when the file as a whole is refused and none of its rows may count.</summary>
    public bool IsRejected => Rejection is not null;
}
