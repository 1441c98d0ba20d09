using Segments.Core.Profiles;

namespace Segments.Core.Tests.Profiles;

public class MarketingConsentTests
{
    private static readonly DateTimeOffset Given = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void A_customer_without_a_profile_consents_to_nothing()
    {
        var consent = MarketingConsent.Of(null);

        Assert.False(consent.Allows(ConsentChannel.Email));
        Assert.False(consent.Allows(ConsentChannel.Sms));
    }

    [Fact]
    public void Only_an_explicit_yes_is_consent_and_unknown_is_none()
    {
        var profile = new CustomerProfileFields { ConsentEmail = true, ConsentEmailAt = Given, ConsentSms = null };

        var consent = MarketingConsent.Of(profile);

        Assert.Equal(new MarketingConsent(true, Given, false, null), consent);
        Assert.True(consent.Allows(ConsentChannel.Email));
        Assert.False(consent.Allows(ConsentChannel.Sms));
    }

    [Fact]
    public void An_explicit_no_keeps_its_time()
    {
        var consent = MarketingConsent.Of(new CustomerProfileFields { ConsentSms = false, ConsentSmsAt = Given });

        Assert.Equal(new MarketingConsent(false, null, false, Given), consent);
    }

    [Theory]
    [InlineData("email", ConsentChannel.Email)]
    [InlineData("EMAIL", ConsentChannel.Email)]
    [InlineData(" sms ", ConsentChannel.Sms)]
    public void Channel_names_are_read_ignoring_case(string text, ConsentChannel expected)
    {
        Assert.True(ConsentChannels.TryParse(text, out var channel));
        Assert.Equal(expected, channel);
    }

    [Theory]
    [InlineData("e-mail")]
    [InlineData("phone")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_channel_names_are_refused(string? text) => Assert.False(ConsentChannels.TryParse(text, out _));
}
