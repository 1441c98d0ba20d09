using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Queries;
using Segments.Storage.Generations;

namespace Segments.Pipeline.Tests.Api;

public sealed class PageTokenCodecTests
{
    private static readonly PageToken Token = new("20241123T120000000Z-abcd", "rfm:Champions", new GenerationPosition("b07", "cust%2F1"));

    [Fact]
    public void A_token_reads_back_as_written() =>
        Assert.Equal(Token, Codec("key-1").Decode(Codec("key-1").Encode(Token)));

    [Fact]
    public void A_token_keeps_the_consent_filter_of_its_listing()
    {
        var filtered = Token with { Consent = "sms" };

        var read = Codec("key-1").Decode(Codec("key-1").Encode(filtered));

        Assert.Equal("sms", read!.Consent);
        Assert.NotEqual(Token, read);
    }

    [Fact]
    public void A_token_signed_with_another_key_is_refused() =>
        Assert.Null(Codec("key-2").Decode(Codec("key-1").Encode(Token)));

    [Fact]
    public void A_token_with_any_character_changed_is_refused()
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var text = Codec("key-1").Encode(Token);

        for (var i = 0; i < text.Length; i++)
        {
            // Flip the highest of the character's six bits: a bit every base64 character carries.
            var index = Alphabet.IndexOf(text[i], StringComparison.Ordinal);
            var replacement = index < 0 ? 'A' : Alphabet[index ^ 32];
            Assert.Null(Codec("key-1").Decode(text[..i] + replacement + text[(i + 1)..]));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("e30.e30")]
    [InlineData("!!!.???")]
    public void Malformed_text_is_refused(string text) => Assert.Null(Codec("key-1").Decode(text));

    private static PageTokenCodec Codec(string key) => new(Options.Create(new SegmentsOptions { PageTokenKey = key }));
}
