using System.Globalization;
using Segments.Core.Ingest;

namespace Segments.Core.Profiles;

/// <summary>Reads the timestamps of profile exports (update and consent times): ISO with or without an offset (taken as UTC without one), a plain date, or the US form of order exports.</summary>
public static class ProfileTimestamp
{
    /// <summary>False when <paramref name="text"/> is not empty and no timestamp; <paramref name="value"/> is null for an empty cell.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset? value)
    {
        var trimmed = text.Trim();
        value = null;
        if (trimmed.IsEmpty)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            value = timestamp.ToUniversalTime();
            return true;
        }

        if (OrderDateParser.TryParse(trimmed, out var date))
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return false;
    }
}
