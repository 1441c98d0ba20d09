using System.Text.Json;

namespace Segments.Core.Definitions;

/// <summary>
/// Reads a hand-edited JSON definitions file (<c>config/segments.json</c>, <c>config/experiments.json</c>): an
/// object holding one array of entries. The callers word the problems; this says where the JSON broke.
/// </summary>
public static class DefinitionJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        // Configuration files are edited by hand; comments and a trailing comma are not mistakes worth failing on.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Parses <paramref name="json"/>; null when it is not JSON, with <paramref name="position"/> saying where it broke
    /// (<c>" at line 3, byte 7"</c>, or empty when the parser did not say).
    /// </summary>
    public static JsonDocument? TryParse(string json, out string position)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            position = string.Empty;
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            // The position is 0-based in JsonException; people count from 1.
            position = ex.LineNumber is { } line ? $" at line {line + 1}, byte {ex.BytePositionInLine + 1}" : string.Empty;
            return null;
        }
    }

    /// <summary>The array in <paramref name="property"/> of the document's root object; false when the document has no such shape.</summary>
    public static bool TryGetEntries(JsonDocument document, string property, out JsonElement entries)
    {
        ArgumentNullException.ThrowIfNull(document);
        entries = default;
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty(property, out entries)
            && entries.ValueKind == JsonValueKind.Array;
    }

    /// <summary>The string value of <paramref name="property"/>, or null when it is missing or not a string.</summary>
    public static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
