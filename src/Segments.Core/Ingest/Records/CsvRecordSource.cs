using Sylvan.Data.Csv;

namespace Segments.Core.Ingest.Records;

/// <summary>
/// Delimited text through Sylvan.Data.Csv: comma, semicolon, tab or pipe (detected from the header),
/// RFC 4180 quoting with separators and line breaks inside quoted fields.
/// </summary>
public sealed class CsvRecordSource : IRecordSource, IExportRecord
{
    /// <summary>A comment character no text export contains, which switches Sylvan's comment skipping off.</summary>
    internal const char NoComments = '\0';

    private const int InitialBufferChars = 64 * 1024;

    private readonly CsvDataReader _csv;
    private long _nextLine = 2;

    private CsvRecordSource(CsvDataReader csv)
    {
        _csv = csv;
        Columns = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToArray();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc />
    public IExportRecord Current => this;

    /// <inheritdoc />
    public string? Problem => null;

    /// <inheritdoc />
    public long Line { get; private set; } = 1;

    /// <inheritdoc />
    public int FieldCount => _csv.RowFieldCount;

    /// <summary>Opens a delimited file; the longest record accepted is <paramref name="maxRecordChars"/>.</summary>
    public static async Task<CsvRecordSource> OpenAsync(TextReader text, int maxRecordChars, CancellationToken cancellationToken)
    {
        var options = new CsvDataReaderOptions
        {
            HasHeaders = true,
            // Exports have no comments, and '#' starts real values (Shopify order names are '#1001').
            Comment = NoComments,
            BufferSize = Math.Min(InitialBufferChars, maxRecordChars),
            MaxBufferSize = maxRecordChars,
        };
        return new CsvRecordSource(await CsvDataReader.CreateAsync(text, options, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public ReadOnlySpan<char> Field(int ordinal) => ordinal < _csv.RowFieldCount ? _csv.GetFieldSpan(ordinal) : [];

    /// <inheritdoc />
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await _csv.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        // Sylvan counts records, not lines; quoted fields may hold line breaks, so count them to keep
        // reporting the line an editor shows.
        Line = _nextLine;
        long breaks = 0;
        for (var i = 0; i < _csv.RowFieldCount; i++)
        {
            breaks += _csv.GetFieldSpan(i).Count('\n');
        }

        _nextLine = Line + 1 + breaks;
        return true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
