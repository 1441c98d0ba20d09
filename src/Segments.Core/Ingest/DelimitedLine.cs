using System.Text;

namespace Segments.Core.Ingest;

/// <summary>Splits one line of a delimited text file into fields.</summary>
public static class DelimitedLine
{
    /// <summary>The separator that means "one or more spaces or tabs", as in the CDNOW logs.</summary>
    public const char Whitespace = ' ';

    /// <summary>
    /// The delimiter of a file judged from its first line: comma, tab or semicolon when present (in that order),
    /// else runs of white space.
    /// </summary>
    public static char Detect(string firstLine) =>
        firstLine.Contains(',', StringComparison.Ordinal) ? ','
        : firstLine.Contains('\t', StringComparison.Ordinal) ? '\t'
        : firstLine.Contains(';', StringComparison.Ordinal) ? ';'
        : Whitespace;

    /// <summary>
    /// The fields of <paramref name="line"/>. With <see cref="Whitespace"/>, runs of spaces and tabs separate and
    /// leading or trailing ones are ignored; otherwise fields follow RFC 4180 quoting within the line.
    /// </summary>
    public static string[] Split(string line, char delimiter)
    {
        if (delimiter == Whitespace)
        {
            return line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
