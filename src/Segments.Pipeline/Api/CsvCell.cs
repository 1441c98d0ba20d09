using System.Text;

namespace Segments.Pipeline.Api;

/// <summary>
/// One CSV cell as exports write it: RFC 4180 quoting, and a leading apostrophe on text a spreadsheet
/// would run as a formula (OWASP "CSV injection": cells starting with <c>= + - @</c>, tab or carriage
/// return), because customer ids, countries and rule names come from shop data and configuration.
/// </summary>
public static class CsvCell
{
    /// <summary>The cell text, neutralised and quoted as needed.</summary>
    public static string Of(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>A whole line of cells, ending in CRLF as RFC 4180 has it.</summary>
    public static string Line(IEnumerable<string?> values) =>
        new StringBuilder().AppendJoin(',', values.Select(Of)).Append("\r\n").ToString();
}
