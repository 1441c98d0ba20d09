namespace Segments.Core.Ingest.Records;

/// <summary>
/// Headerless columns separated by runs of spaces or tabs, one record per line, as in the CDNOW log.
/// Column names come from the mapping.
/// </summary>
public sealed class WhitespaceRecordSource(TextReader text, IReadOnlyList<string> columns, int maxRecordChars) : IRecordSource, IExportRecord
{
    private readonly List<Range> _fields = [];
    private string _line = string.Empty;

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; } = columns;

    /// <inheritdoc />
    public IExportRecord Current => this;

    /// <inheritdoc />
    public string? Problem { get; private set; }

    /// <inheritdoc />
    public long Line { get; private set; }

    /// <inheritdoc />
    public int FieldCount => _fields.Count;

    /// <inheritdoc />
    public ReadOnlySpan<char> Field(int ordinal) => ordinal < _fields.Count ? _line.AsSpan()[_fields[ordinal]] : [];

    /// <inheritdoc />
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        var line = await text.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line is null)
        {
            return false;
        }

        Line++;
        _fields.Clear();
        if (line.Length > maxRecordChars)
        {
            // One absurd line is that row's problem, not the file's.
            Problem = RecordTooLongException.Describe(Line, maxRecordChars);
            _line = string.Empty;
            return true;
        }

        Problem = null;
        _line = line;
        var span = line.AsSpan();
        var start = -1;
        for (var i = 0; i <= span.Length; i++)
        {
            var separator = i == span.Length || span[i] is ' ' or '\t';
            if (!separator && start < 0)
            {
                start = i;
            }
            else if (separator && start >= 0)
            {
                _fields.Add(start..i);
                start = -1;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        text.Dispose();
        return ValueTask.CompletedTask;
    }
}
