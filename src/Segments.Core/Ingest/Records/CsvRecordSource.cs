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
    private const int MinimumBufferChars = 128;

    private readonly CsvDataReader _csv;
    private long _nextLine;

    private readonly int _maxRecordChars;
    private readonly RecordLimitingReader _limiter;

    private CsvRecordSource(CsvDataReader csv, RecordLimitingReader limiter, int maxRecordChars, long firstDataLine, long lineBefore)
    {
        _csv = csv;
        _limiter = limiter;
        _nextLine = firstDataLine;
        Line = lineBefore;
        _maxRecordChars = maxRecordChars;
        Columns = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToArray();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc />
    public IExportRecord Current => this;

    /// <inheritdoc />
    public string? Problem { get; private set; }

    /// <inheritdoc />
    public long Line { get; private set; }

    /// <inheritdoc />
    public long LastLine => _nextLine - 1;

    /// <inheritdoc />
    public int FieldCount => _csv.RowFieldCount;

    /// <summary>
    /// Opens a delimited file; the longest record accepted is <paramref name="maxRecordChars"/>. The first
    /// record after the header is on <paramref name="firstDataLine"/>, and <see cref="Line"/> is
    /// <paramref name="lineBefore"/> until it is read (not 2 and 1 when data rows were left out between
    /// them, as when the chunked parser hands a file over after reading rows up to one on that line).
    /// </summary>
    public static async Task<CsvRecordSource> OpenAsync(TextReader text, int maxRecordChars, CancellationToken cancellationToken, long firstDataLine = 2, long lineBefore = 1)
    {
        // Sylvan's buffer must hold a whole raw record (quotes and line break included) and be at least
        // 128 characters; the limit itself is checked on each record's content after reading.
        var maxBuffer = Math.Max(MinimumBufferChars, (2 * maxRecordChars) + 16);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = true,
            // Exports have no comments, and '#' starts real values (Shopify order names are '#1001').
            Comment = NoComments,
            BufferSize = Math.Min(InitialBufferChars, maxBuffer),
            MaxBufferSize = maxBuffer,
        };
        // Records over the limit reach Sylvan cut short, so that they are row errors and its buffer stays bounded.
        var limiter = new RecordLimitingReader(text, maxRecordChars, firstDataLine);
        return new CsvRecordSource(await CsvDataReader.CreateAsync(limiter, options, cancellationToken).ConfigureAwait(false), limiter, maxRecordChars, firstDataLine, lineBefore);
    }

    /// <inheritdoc />
    public ReadOnlySpan<char> Field(int ordinal) => ordinal < _csv.RowFieldCount ? _csv.GetFieldSpan(ordinal) : [];

    /// <inheritdoc />
    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        // Most records are already in Sylvan's buffer: no state machine of our own for those.
        var read = _csv.ReadAsync(cancellationToken);
        return read.IsCompletedSuccessfully ? new ValueTask<bool>(Advance(read.Result)) : AdvanceAfterAsync(read);
    }

    private async ValueTask<bool> AdvanceAfterAsync(Task<bool> read) => Advance(await read.ConfigureAwait(false));

    private bool Advance(bool read)
    {
        if (!read)
        {
            return false;
        }

        // Sylvan counts records, not lines; quoted fields may hold line breaks, so count them to keep
        // reporting the line an editor shows. They are counted in the record as it stands in the file
        // (one search instead of one per field), less the line break that ends it.
        Line = _nextLine;
        var raw = _csv.GetRawRecordSpan();
        var ending = raw.EndsWith("\r\n") ? 2 : raw.EndsWith('\n') ? 1 : 0;
        long breaks = raw.Count('\n') - (ending > 0 ? 1 : 0);

        // The limit applies to the record as it stands in the file, without its line break; a record over it
        // is that row's error (the chunked parser hands such a record to this one, so both say the same).
        Problem = null;
        if (raw.Length - ending > _maxRecordChars)
        {
            Problem = RecordTooLongException.Describe(Line, _maxRecordChars);
            breaks += _limiter.DroppedLineBreaks(Line);
        }

        _nextLine = Line + 1 + breaks;
        return true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
