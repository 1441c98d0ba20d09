namespace Segments.Core.Events;

/// <summary>
/// The common timestamp layout of <see cref="EventTimestamps.TryParseIso"/> (<c>yyyy-MM-ddTHH:mm:ss[.f…]</c> then
/// <c>Z</c> or <c>±hh:mm</c>) read straight from a JSON string's UTF-8 bytes, so that counting a message needs no
/// string for its timestamp. It accepts only what the text parser's common layout accepts and gives the same
/// instant; anything else returns false and the caller takes the text parser's path, so no result ever differs.
/// </summary>
internal static class Utf8IsoTimestamp
{
    /// <summary>The instant in UTC ticks, or false when the bytes are not the common layout of a valid instant.</summary>
    public static bool TryParseUtcTicks(ReadOnlySpan<byte> s, out long utcTicks)
    {
        utcTicks = 0;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !Digits(s[..4], out var year) || !Digits(s[5..7], out var month) || !Digits(s[8..10], out var day)
            || !Digits(s[11..13], out var hour) || !Digits(s[14..16], out var minute) || !Digits(s[17..19], out var second))
        {
            return false;
        }

        var i = 19;
        long fractionTicks = 0;
        if (s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit((char)s[i]))
            {
                fractionTicks = (fractionTicks * 10) + (s[i] - '0');
                i++;
            }

            var digits = i - start;
            if (digits is 0 or > 7)
            {
                return false;
            }

            for (var d = digits; d < 7; d++)
            {
                fractionTicks *= 10;
            }
        }

        long offsetTicks;
        var rest = s[i..];
        if (rest.Length == 1 && rest[0] == 'Z')
        {
            offsetTicks = 0;
        }
        else if (rest.Length == 6 && rest[0] is (byte)'+' or (byte)'-' && rest[3] == ':' && Digits(rest[1..3], out var oh) && Digits(rest[4..6], out var om) && oh <= 14 && om < 60)
        {
            offsetTicks = ((oh * 60L) + om) * TimeSpan.TicksPerMinute * (rest[0] == '-' ? -1 : 1);
        }
        else
        {
            return false;
        }

        if (month is < 1 or > 12 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var utc = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks - offsetTicks;
        if (utc is < FirstTicks or > LastTicks)
        {
            return false;
        }

        utcTicks = utc;
        return true;
    }

    /// <summary>The range the text parser accepts: a day inside DateTime's, so that no offset can overflow it.</summary>
    private const long FirstTicks = TimeSpan.TicksPerDay, LastTicks = 3_155_378_975_999_999_999 - TimeSpan.TicksPerDay;

    private static bool Digits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
