using System.Text.Json;

namespace Segments.Core.Ingest.Records;

/// <summary>
/// JSON Lines: one object per line. Columns are the keys of the first object; a later object's values are
/// looked up by those keys (missing keys read as empty). Values that are not strings are read as their JSON text.
/// </summary>
public sealed class JsonLinesRecordSource : IRecordSource
{
    private readonly TextReader _text;
    private readonly int _maxRecordChars;
    private readonly JsonLineRecord _record;
    private string? _pendingLine;

    private JsonLinesRecordSource(TextReader text, int maxRecordChars, string? firstLine, IReadOnlyList<string> columns, long lineBefore)
    {
        _text = text;
        _maxRecordChars = maxRecordChars;
        _pendingLine = firstLine;
        Columns = columns;
        _record = new JsonLineRecord(columns);
        Line = lineBefore;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc />
    public IExportRecord Current => _record;

    /// <inheritdoc />
    public long Line { get; private set; }

    /// <inheritdoc />
    public string? Problem { get; private set; }

    /// <summary>Reads the first object to learn the columns; null and a reason when it is not a JSON object.</summary>
    public static async Task<(JsonLinesRecordSource? Source, string? Problem)> OpenAsync(TextReader text, int maxRecordChars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = await text.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var (columns, problem) = ColumnsOf(first);
        return columns is null ? (null, problem) : (new JsonLinesRecordSource(text, maxRecordChars, first, columns, lineBefore: 0), null);
    }

    /// <summary>The columns a first line gives (its object's keys), or the reason it gives none.</summary>
    public static (IReadOnlyList<string>? Columns, string? Problem) ColumnsOf(string firstLine)
    {
        try
        {
            using var document = JsonDocument.Parse(firstLine);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "line 1 is not a JSON object");
            }

            var columns = document.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
            var repeated = columns.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            return repeated is not null
                ? (null, $"line 1 has the key '{repeated.Key}' more than once (keys are compared ignoring case)")
                : (columns, null);
        }
        catch (JsonException ex)
        {
            return (null, $"line 1 is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>
    /// A source over text that starts with the file's first line (read and passed over: its keys are already
    /// <paramref name="columns"/>) followed by the file from physical line <paramref name="firstDataLine"/> on: how
    /// the sequential reader takes over a file from the parallel one.
    /// </summary>
    internal static async Task<JsonLinesRecordSource> OpenAfterFirstLineAsync(TextReader text, IReadOnlyList<string> columns, int maxRecordChars, long firstDataLine, CancellationToken cancellationToken)
    {
        await text.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return new JsonLinesRecordSource(text, maxRecordChars, firstLine: null, columns, lineBefore: firstDataLine - 1);
    }

    /// <inheritdoc />
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        string? line;
        do
        {
            line = _pendingLine ?? await _text.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            _pendingLine = null;
            if (line is null)
            {
                return false;
            }

            Line++;
        }
        while (string.IsNullOrWhiteSpace(line));

        Problem = _record.Read(line.AsMemory(), Line, _maxRecordChars);
        return true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _text.Dispose();
        return ValueTask.CompletedTask;
    }
}
