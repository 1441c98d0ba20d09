using System.Globalization;
using System.Text.Json;

namespace Segments.Core.Events;

/// <summary>
/// One JSON value as event parsing needs it, whichever reader captured it: its kind and its text (a string's
/// unescaped value, else the raw JSON). Absent and JSON null are both <see cref="JsonValueKind.Undefined"/>.
/// </summary>
internal readonly record struct JsonScalar(JsonValueKind Kind, string RawText)
{
    public bool IsPresent => Kind != JsonValueKind.Undefined;

    /// <summary>A string or number as text (BigQuery writes INT64 as strings, some SDKs send numeric ids); null when absent or empty.</summary>
    public string? Text => Kind switch
    {
        JsonValueKind.String => RawText.Length > 0 ? RawText : null,
        JsonValueKind.Number => RawText,
        _ => null,
    };

    /// <summary>The raw text for an error report.</summary>
    public string Raw => RawText ?? string.Empty;

    /// <summary>The value of a DOM element (null or a JSON null: absent).</summary>
    public static JsonScalar From(JsonElement? element) => element?.ValueKind switch
    {
        null or JsonValueKind.Null or JsonValueKind.Undefined => default,
        JsonValueKind.String => new(JsonValueKind.String, element.Value.GetString() ?? string.Empty),
        var kind => new(kind.Value, element.Value.GetRawText()),
    };

    /// <summary>A number given as a JSON number or a numeric string; false when present but not a number.</summary>
    public bool TryDecimal(out decimal? value)
    {
        value = null;
        switch (Kind)
        {
            case JsonValueKind.Undefined:
                return true;
            case JsonValueKind.Number when decimal.TryParse(RawText, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                value = number;
                return true;
            case JsonValueKind.String:
                if (string.IsNullOrWhiteSpace(RawText))
                {
                    return true;
                }

                if (decimal.TryParse(RawText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    value = parsed;
                    return true;
                }

                return false;
            default:
                return false;
        }
    }
}
