namespace Segments.Core.Profiles;

/// <summary>
/// Whether a customer may be contacted on each channel, as exports and lookups state it. Only an explicit yes in
/// the newest customer export is consent: a customer without a profile, or whose export leaves the channel
/// empty or says no, is not reachable on it.
/// </summary>
/// <param name="Email">True only when the customer consented to e-mail marketing.</param>
/// <param name="EmailAt">When the e-mail consent was given or withdrawn, if the export says.</param>
/// <param name="Sms">True only when the customer consented to SMS marketing.</param>
/// <param name="SmsAt">When the SMS consent was given or withdrawn, if the export says.</param>
public sealed record MarketingConsent(bool Email, DateTimeOffset? EmailAt, bool Sms, DateTimeOffset? SmsAt)
{
    /// <summary>No consent on any channel (no profile).</summary>
    public static MarketingConsent None { get; } = new(false, null, false, null);

    /// <summary>The consent a profile gives; <see cref="None"/> without one.</summary>
    public static MarketingConsent Of(CustomerProfileFields? profile) =>
        profile is null
            ? None
            : new MarketingConsent(profile.ConsentEmail == true, profile.ConsentEmailAt, profile.ConsentSms == true, profile.ConsentSmsAt);

    /// <summary>Whether the customer may be contacted on <paramref name="channel"/>.</summary>
    public bool Allows(ConsentChannel channel) => channel == ConsentChannel.Sms ? Sms : Email;
}
