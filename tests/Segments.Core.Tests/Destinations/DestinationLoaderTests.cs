using Segments.Core.Destinations;
using Segments.Core.Profiles;

namespace Segments.Core.Tests.Destinations;

public sealed class DestinationLoaderTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public void A_webhook_is_read_with_its_settings_and_defaults()
    {
        var set = DestinationLoader.Load($$"""
            {"destinations":[{"name":"klaviyo","kind":"webhook","url":"https://hooks.example.com/segments","secret":"{{Secret}}",
              "segments":["rfm:At Risk","lifecycle:*"],"events":["entered"],"consent":"email"}]}
            """);

        Assert.Empty(set.Errors);
        var destination = Assert.Single(set.Destinations);
        Assert.Equal(DestinationKind.Webhook, destination.Kind);
        Assert.Equal(new Uri("https://hooks.example.com/segments"), destination.Url);
        Assert.Equal(Secret, destination.Secret);
        Assert.True(destination.Entered);
        Assert.False(destination.Exited);
        Assert.Equal(ConsentChannel.Email, destination.Consent);
        Assert.True(destination.HoldBackControlGroup);
        Assert.Equal(DestinationFields.Ids, destination.Fields);
        Assert.Equal(DestinationLimits.DefaultBatchSize, destination.BatchSize);
    }

    [Fact]
    public void A_bad_destination_is_reported_at_its_path_and_the_others_still_apply()
    {
        var set = DestinationLoader.Load($$"""
            {"destinations":[
              {"name":"good","kind":"audience-files","segments":["rfm:Champions"]},
              {"name":"bad","kind":"webhook","url":"ftp://example.com","secret":"{{Secret}}","segments":["rfm:Lost"]}
            ]}
            """);

        Assert.Equal("good", Assert.Single(set.Destinations).Name);
        var error = Assert.Single(set.Errors);
        Assert.Equal(2, error.Index);
        Assert.Equal("$.destinations[1].url", error.Path);
        Assert.Equal("destination 2 'bad': 'ftp://example.com' is not an absolute http(s) URL", error.Message);
    }

    [Theory]
    [InlineData("""{"name":"a","kind":"webhok","url":"https://x.example","segments":["rfm:Lost"]}""", "$.destinations[0].kind", "destination 1 'a': unknown kind 'webhok'; did you mean 'webhook'? (one of webhook, eventgrid, audience-files)")]
    [InlineData("""{"name":"a","kind":"audience-files","segment":["rfm:Lost"]}""", "$.destinations[0].segment", "destination 1 'a': unknown property \"segment\"; did you mean 'segments'?")]
    [InlineData("""{"name":"a","kind":"audience-files","segments":["rfm:Lost"],"consent":"emial"}""", "$.destinations[0].consent", "destination 1 'a': unknown consent channel 'emial'; did you mean 'email'? (email, sms, or none)")]
    [InlineData("""{"name":"a","kind":"audience-files","segments":["Champions"]}""", "$.destinations[0].segments[0]", "destination 1 'a': 'Champions' is not a segment id: write family:name (rfm:Champions, lifecycle:At Risk, rule:My segment) or family:* for a whole family")]
    [InlineData("""{"name":"a","kind":"audience-files","segments":["rfm:Lost"],"batchSize":0}""", "$.destinations[0].batchSize", "destination 1 'a': \"batchSize\" must be a whole number from 1 to 500; got 0")]
    [InlineData("""{"name":"a","kind":"webhook","url":"http://hooks.example.com","secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw","segments":["rfm:Lost"]}""", "$.destinations[0].url", "destination 1 'a': 'http://hooks.example.com' must use https (plain http is accepted for loopback addresses only)")]
    [InlineData("""{"name":"a","kind":"audience-files","segments":["rfm:Lost"],"events":["entred"]}""", "$.destinations[0].events[0]", "destination 1 'a': unknown event 'entred'; did you mean 'entered'? (entered or exited)")]
    public void An_invalid_setting_is_reported_with_its_path_and_a_suggestion(string entry, string path, string message)
    {
        var set = DestinationLoader.Load($$"""{"destinations":[{{entry}}]}""");

        Assert.Empty(set.Destinations);
        Assert.Equal(message, Assert.Single(set.Errors, e => e.Path == path).Message);
    }

    [Theory]
    [InlineData("not-a-secret")]
    [InlineData("whsec_c2hvcnQ=")]
    public void A_bad_secret_is_reported_without_its_value(string secret)
    {
        var set = DestinationLoader.Load($$"""{"destinations":[{"name":"a","kind":"webhook","url":"https://x.example","secret":"{{secret}}","segments":["rfm:Lost"]}]}""");

        var error = Assert.Single(set.Errors);
        Assert.Equal("$.destinations[0].secret", error.Path);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_is_reported_with_its_line()
    {
        var set = DestinationLoader.Load("{\"destinations\":[\n{\"name\":}\n]}");

        var error = Assert.Single(set.Errors);
        Assert.Equal(0, error.Index);
        Assert.StartsWith("at line 2", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_name_keeps_the_first()
    {
        var set = DestinationLoader.Load("""
            {"destinations":[{"name":"a","kind":"audience-files","segments":["rfm:Lost"]},{"name":"A","kind":"audience-files","segments":["rfm:Lost"]}]}
            """);

        Assert.Single(set.Destinations);
        Assert.Equal("destination 2 'A': the name is already used by destination 1", Assert.Single(set.Errors).Message);
    }

    [Theory]
    [InlineData("lifecycle:*", "lifecycle:At Risk", true)]
    [InlineData("behaviour:*", "behaviour:Cart Abandoner", true)]
    [InlineData("rfm:*", "lifecycle:Lost", false)]
    [InlineData("rfm:champions", "rfm:Champions", true)]
    [InlineData("rfm:Champions", "rfm:Champions Plus", false)]
    public void A_pattern_follows_a_segment_or_a_whole_family(string pattern, string segmentId, bool follows) =>
        Assert.Equal(follows, SegmentPattern.Matches(pattern, segmentId));
}
