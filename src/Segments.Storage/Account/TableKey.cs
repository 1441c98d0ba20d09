using System.Text;

namespace Segments.Storage.Account;

/// <summary>
/// Makes any text usable as a PartitionKey or RowKey. Table keys may not contain '/', '\', '#', '?' or
/// control characters; those (and '%', the escape itself) are written as %XX so the key stays readable
/// and maps back one to one.
/// </summary>
public static class TableKey
{
    /// <summary>The escaped key.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
