namespace Segments.Core.Profiles;

/// <summary>A marketing channel a customer export records consent for.</summary>
public enum ConsentChannel
{
    /// <summary>E-mail marketing (<c>consent_email</c>).</summary>
    Email,

    /// <summary>SMS marketing (<c>consent_sms</c>).</summary>
    Sms,
}

/// <summary>The channel names the API accepts in <c>?consent=</c>.</summary>
public static class ConsentChannels
{
    /// <summary>Every accepted name, in the order error messages list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["email", "sms"];

    /// <summary>The name of <paramref name="channel"/> as the API spells it.</summary>
    public static string NameOf(ConsentChannel channel) => channel == ConsentChannel.Sms ? "sms" : "email";

    /// <summary>Reads a channel name, ignoring case; false for anything else.</summary>
    public static bool TryParse(string? text, out ConsentChannel channel)
    {
        foreach (var candidate in Enum.GetValues<ConsentChannel>())
        {
            if (string.Equals(NameOf(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                channel = candidate;
                return true;
            }
        }

        channel = default;
        return false;
    }
}
