using System.Text.Json;

namespace Segments.Core.Ingest.Records;

/// <summary>
/// One line of a JSON Lines export read as a record: the values of the columns (the first object's keys, compared
/// ignoring case; a missing key reads as empty, a value that is not a string as its JSON text). The sequential
/// reader (<see cref="JsonLinesRecordSource"/>) and the parallel one read every line through <see cref="Read"/>, so
/// that the two cannot differ.
/// </summary>
public sealed class JsonLineRecord : IExportRecord
{
    private readonly IReadOnlyDictionary<string, int> _ordinals;
    private readonly string[] _values;

    /// <summary>A record of <paramref name="columns"/>, for one reader at a time.</summary>
    public JsonLineRecord(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _ordinals = columns.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.OrdinalIgnoreCase);
        _values = new string[columns.Count];
    }

    /// <inheritdoc />
    public int FieldCount { get; private set; }

    /// <inheritdoc />
    public ReadOnlySpan<char> Field(int ordinal) => ordinal < FieldCount ? _values[ordinal] : [];

    /// <summary>
    /// Reads <paramref name="line"/> (physical line <paramref name="lineNumber"/>, not blank) into this record; returns
    /// why it cannot be read as a record (too long, not JSON, not an object), else null.
    /// </summary>
    public string? Read(ReadOnlyMemory<char> line, long lineNumber, int maxRecordChars)
    {
        Array.Fill(_values, string.Empty);
        if (line.Length > maxRecordChars)
        {
            // One absurd line is that row's problem, not the file's.
            FieldCount = 0;
            return RecordTooLongException.Describe(lineNumber, maxRecordChars);
        }

        FieldCount = _values.Length;
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                FieldCount = 0;
                return "not a JSON object";
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
            FieldCount = 0;
            return $"not valid JSON: {ex.Message}";
        }

        return null;
    }
}
