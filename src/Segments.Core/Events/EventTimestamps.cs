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

    /// <summary>The reason a timestamp is too far ahead of <paramref name="options"/>' now, or null.</summary>
    public static string? TooFarAhead(DateTimeOffset timestamp, EventReadOptions options) =>
        timestamp > options.Now + options.MaxFutureSkew
            ? $"is {(timestamp - options.Now).TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days in the future (more than {options.MaxFutureSkew.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} hours ahead of the reading time)"
            : null;
}
