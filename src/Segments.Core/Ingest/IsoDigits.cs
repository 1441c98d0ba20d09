namespace Segments.Core.Ingest;

/// <summary>
/// Reads <c>yyyy-MM-dd</c> and <c>yyyy-MM-dd HH:mm:ss</c> (or with <c>T</c>) made of ASCII digits, by hand.
/// Accepts a strict subset of what <see cref="OrderDateParser"/>'s exact formats accept, with the same
/// result; anything else (other lengths, year 0, leap seconds, non-ASCII digits) is left to them.
/// </summary>
internal static class IsoDigits
{
    /// <summary>True and the date when <paramref name="text"/> is such a value.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length is not (10 or 19) || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        if (text.Length == 19
            && (text[10] is not (' ' or 'T') || text[13] != ':' || text[16] != ':'
                || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second)
                || hour > 23 || minute > 59 || second > 59))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
