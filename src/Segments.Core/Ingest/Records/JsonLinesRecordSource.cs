using System.Text.Json;

namespace Segments.Core.Ingest.Records;

/// <summary>
/// JSON Lines: one object per line. Columns are the keys of the first object; a later object's values are
/// looked up by those keys (missing keys read as empty). Values that are not strings are read as their JSON text.
/// </summary>
public sealed class JsonLinesRecordSource : IRecordSource, IExportRecord
{
    private readonly TextReader _text;
    private readonly int _maxRecordChars;
    private readonly Dictionary<string, int> _ordinals;
    private readonly string[] _values;
    private string? _pendingLine;

    private JsonLinesRecordSource(TextReader text, int maxRecordChars, string firstLine, IReadOnlyList<string> columns)
    {
        _text = text;
        _maxRecordChars = maxRecordChars;
        _pendingLine = firstLine;
        Columns = columns;
        _ordinals = columns.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.OrdinalIgnoreCase);
        _values = new string[columns.Count];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc />
    public IExportRecord Current => this;

    /// <inheritdoc />
    public long Line { get; private set; }

    /// <inheritdoc />
    public int FieldCount { get; private set; }

    /// <inheritdoc />
    public string? Problem { get; private set; }

    /// <summary>Reads the first object to learn the columns; null and a reason when it is not a JSON object.</summary>
    public static async Task<(JsonLinesRecordSource? Source, string? Problem)> OpenAsync(TextReader text, int maxRecordChars, CancellationToken cancellationToken)
    {
        var first = await text.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        try
        {
            using var document = JsonDocument.Parse(first);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "line 1 is not a JSON object");
            }

            var columns = document.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
            var repeated = columns.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (repeated is not null)
            {
                return (null, $"line 1 has the key '{repeated.Key}' more than once (keys are compared ignoring case)");
            }

            return (new JsonLinesRecordSource(text, maxRecordChars, first, columns), null);
        }
        catch (JsonException ex)
        {
            return (null, $"line 1 is not valid JSON: {ex.Message}");
        }
    }

    /// <inheritdoc />
    public ReadOnlySpan<char> Field(int ordinal) => ordinal < FieldCount ? _values[ordinal] : [];

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

        Array.Fill(_values, string.Empty);
        if (line.Length > _maxRecordChars)
        {
            // One absurd line is that row's problem, not the file's.
            Problem = RecordTooLongException.Describe(Line, _maxRecordChars);
            FieldCount = 0;
            return true;
        }

        Problem = null;
        FieldCount = _values.Length;
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Problem = "not a JSON object";
                FieldCount = 0;
                return true;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (_ordinals.TryGetValue(property.Name, out var ordinal))
                {
                    _values[ordinal] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString() ?? string.Empty,
                        JsonValueKind.Null => string.Empty,
                        _ => property.Value.GetRawText(),
                    };
                }
            }
        }
        catch (JsonException ex)
        {
            Problem = $"not valid JSON: {ex.Message}";
            FieldCount = 0;
        }

        return true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _text.Dispose();
        return ValueTask.CompletedTask;
    }
}
