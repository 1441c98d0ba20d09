namespace Segments.Core.Profiles;

/// <summary>
/// Reads a marketing-consent cell. Only an explicit yes is consent; an explicit no (or Shopify's <c>pending</c>
/// double opt-in) is not; an empty cell is unknown; anything else is an error, never consent.
/// </summary>
public static class ConsentValue
{
    /// <summary>Values read as consent (compared ignoring case).</summary>
    public static IReadOnlyList<string> Yes { get; } = ["yes", "y", "true", "1", "opted_in", "opted-in", "subscribed", "granted"];

    /// <summary>Values read as no consent (compared ignoring case).</summary>
    public static IReadOnlyList<string> No { get; } = ["no", "n", "false", "0", "opted_out", "opted-out", "unsubscribed", "not_subscribed", "denied", "revoked", "pending"];

    /// <summary>False when <paramref name="text"/> is no consent value; else the consent (null for an empty cell).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out bool? consent)
    {
        var value = text.Trim();
        consent = null;
        if (value.IsEmpty)
        {
            return true;
        }

        foreach (var yes in Yes)
        {
            if (value.Equals(yes, StringComparison.OrdinalIgnoreCase))
            {
                consent = true;
                return true;
            }
        }

        foreach (var no in No)
        {
            if (value.Equals(no, StringComparison.OrdinalIgnoreCase))
            {
                consent = false;
                return true;
            }
        }

        return false;
    }
}
