using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Tracking;

namespace Segments.Pipeline.Tests.Tracking;

public sealed class WriteKeyRingTests
{
    private static readonly WriteKeyRing Ring = new(Options.Create(new SegmentsOptions
    {
        WriteKeys = new Dictionary<string, string> { ["site"] = "key-of-the-site", ["site-next"] = "next-key-of-the-site", ["off"] = string.Empty },
    }));

    [Fact]
    public void Each_configured_key_is_known_by_its_name_so_two_can_be_in_use_while_one_is_rotated()
    {
        Assert.Equal("site", Ring.NameOf("key-of-the-site"));
        Assert.Equal("site-next", Ring.NameOf("next-key-of-the-site"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("key-of-the-sit")]
    [InlineData("KEY-OF-THE-SITE")]
    public void A_missing_empty_or_other_key_is_none(string? given)
    {
        Assert.Null(Ring.NameOf(given));
    }

    [Fact]
    public void Without_configured_keys_no_key_opens_the_api()
    {
        var empty = new WriteKeyRing(Options.Create(new SegmentsOptions()));

        Assert.False(empty.IsConfigured);
        Assert.Null(empty.NameOf("anything"));
    }
}
