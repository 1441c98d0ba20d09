namespace Segments.Core.Ingest.Records;

/// <summary>Reads an export record by record, never holding the file whole.</summary>
public interface IRecordSource : IAsyncDisposable
{
    /// <summary>Column names (from the header, the first JSON object, or the mapping for headerless files).</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>The current record, valid until the next <see cref="ReadAsync"/>.</summary>
    IExportRecord Current { get; }

    /// <summary>1-based physical line where the current record starts (the header is line 1).</summary>
    long Line { get; }

    /// <summary>The last physical line of the current record (later than <see cref="Line"/> when a quoted field holds line breaks).</summary>
    long LastLine => Line;

    /// <summary>Why the current record cannot be read as a record at all (e.g. a JSON line that is not JSON), else null.</summary>
    string? Problem { get; }

    /// <summary>Moves to the next record; false at the end.</summary>
    ValueTask<bool> ReadAsync(CancellationToken cancellationToken);
}
