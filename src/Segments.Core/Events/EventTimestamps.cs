using System.Globalization;

namespace Segments.Core.Events;

/// <summary>The timestamp rules both dialects share: UTC, and not far in the future.</summary>
internal static class EventTimestamps
{
    /// <summary>
    /// Parses an ISO 8601 timestamp that states its offset (<c>Z</c> or <c>±hh:mm</c>); a timestamp without one is
    /// refused rather than guessed, since reading it as UTC or as server time would shift events across day edges.
    /// </summary>
    public static bool TryParseIso(string text, out DateTimeOffset timestamp, out string reason)
    {
        reason = string.Empty;
        if (TryParseCommon(text, out timestamp))
        {
            return true;
        }

        timestamp = default;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var local) || !text.Contains('T', StringComparison.Ordinal))
        {
            reason = "is not an ISO 8601 timestamp";
            return false;
        }

        if (local.Kind == DateTimeKind.Unspecified)
        {
            reason = "has no UTC offset (Z or ±hh:mm)";
            return false;
        }

        timestamp = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime();
        reason = string.Empty;
        return true;
    }

    /// <summary>
    /// The layout nearly every SDK writes, <c>yyyy-MM-ddTHH:mm:ss[.f…]</c> then <c>Z</c> or <c>±hh:mm</c>, read by hand:
    /// the general parse above costs more than the rest of a message together. Anything else (or an invalid date)
    /// falls through to it, so the result never differs.
    /// </summary>
    private static bool TryParseCommon(string text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        var s = text.AsSpan();
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
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            var digits = i - start;
            if (digits is 0 or > 7)
            {
                return false;
            }

            fractionTicks = int.Parse(s[start..i], NumberStyles.None, CultureInfo.InvariantCulture);
            for (var d = digits; d < 7; d++)
            {
                fractionTicks *= 10;
            }
        }

        TimeSpan offset;
        var rest = s[i..];
        if (rest is "Z")
        {
            offset = TimeSpan.Zero;
        }
        else if (rest.Length == 6 && rest[0] is '+' or '-' && rest[3] == ':' && Digits(rest[1..3], out var oh) && Digits(rest[4..6], out var om) && oh <= 14 && om < 60)
        {
            offset = new TimeSpan(oh, om, 0) * (rest[0] == '-' ? -1 : 1);
        }
        else
        {
            return false;
        }

        if (month is < 1 or > 12 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var utc = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks) - offset;
        if (utc < DateTime.MinValue.AddDays(1) || utc > DateTime.MaxValue.AddDays(-1))
        {
            return false;
        }

        timestamp = new DateTimeOffset(utc, TimeSpan.Zero);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>The reason a timestamp is too far ahead of <paramref name="options"/>' now, or null.</summary>
    public static string? TooFarAhead(DateTimeOffset timestamp, EventReadOptions options) =>
        timestamp > options.Now + options.MaxFutureSkew
            ? $"is {(timestamp - options.Now).TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days in the future (more than {options.MaxFutureSkew.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} hours ahead of the reading time)"
            : null;
}
