namespace Segments.Core.Ingest;

/// <summary>
/// The outcome of one data row of any kind of export, as far as the shared record reading
/// (<see cref="ExportRecordRows"/>) makes it itself: a blank line skipped, or a row rejected before mapping.
/// </summary>
/// <typeparam name="TSelf">The kind's row outcome.</typeparam>
public interface IParsedRow<TSelf>
    where TSelf : IParsedRow<TSelf>
{
    /// <summary>A well-formed row that is deliberately not used.</summary>
    static abstract TSelf Skip(long line, string reason);

    /// <summary>A row that could not be read.</summary>
    static abstract TSelf Reject(RowError error);
}
