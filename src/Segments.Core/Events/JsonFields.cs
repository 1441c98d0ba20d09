using System.Globalization;
using System.Text.Json;

namespace Segments.Core.Events;

/// <summary>Reads the loosely typed fields of event JSON: ids and numbers arrive as strings or as numbers.</summary>
internal static class JsonFields
{
    /// <summary>A property of an object, or null when absent, null or the element is not an object.</summary>
    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>A string or number as text (BigQuery writes INT64 as strings, some SDKs send numeric ids); null when absent or empty.</summary>
    public static string? Text(JsonElement? element) => element?.ValueKind switch
    {
        JsonValueKind.String => element.Value.GetString() is { Length: > 0 } text ? text : null,
        JsonValueKind.Number => element.Value.GetRawText(),
        _ => null,
    };

    /// <summary>A number given as a JSON number or a numeric string; false when present but not a number.</summary>
    public static bool TryDecimal(JsonElement? element, out decimal? value)
    {
        value = null;
        switch (element?.ValueKind)
        {
            case null:
                return true;
            case JsonValueKind.Number when element.Value.TryGetDecimal(out var number):
                value = number;
                return true;
            case JsonValueKind.String when element.Value.GetString() is { } text:
                if (string.IsNullOrWhiteSpace(text))
                {
                    return true;
                }

                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    value = parsed;
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>The string, number and boolean members of an object as text, by name (ignoring case); null when none.</summary>
    public static EventProperties? Scalars(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        EventProperties? result = null;
        foreach (var member in element.EnumerateObject())
        {
            var text = member.Value.ValueKind switch
            {
                JsonValueKind.String => member.Value.GetString(),
                JsonValueKind.Number => member.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (text is { Length: > 0 })
            {
                (result ??= new EventProperties()).Set(member.Name, text);
            }
        }

        return result;
    }

    /// <summary>The raw text of a value for an error report.</summary>
    public static string Raw(JsonElement? element) => element?.ValueKind switch
    {
        null => string.Empty,
        JsonValueKind.String => element.Value.GetString() ?? string.Empty,
        _ => element.Value.GetRawText(),
    };
}
