using System.Text;
using System.Text.Json;
using Segments.Pipeline.Api;
using Segments.Pipeline.Tracking;

namespace Segments.Pipeline.Tests.Tracking;

public sealed class TrackingRequestParserTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2024, 3, 5, 14, 30, 0, 250, TimeSpan.Zero);

    [Fact]
    public void A_batch_becomes_one_line_per_message_with_the_batch_sent_at_context_and_integrations_merged_in()
    {
        var parse = Parse(TrackingCall.Batch, """
            {"writeKey":"k","sentAt":"2024-03-05T14:29:59Z","context":{"library":{"name":"analytics-node"},"ip":"1.2.3.4"},"integrations":{"All":true},
             "batch":[
               {"type":"track","event":"Product Added","userId":"u1","messageId":"m1","timestamp":"2024-03-05T14:29:00Z","properties":{"product_id":"p1","price":9.5},"context":{"ip":"5.6.7.8"}},
               {"type":"identify","anonymousId":"a1","userId":"u1","messageId":"m2","timestamp":"2024-03-05T14:29:01Z","traits":{"email":"x@example.com"}}
             ]}
            """);

        Assert.Null(parse.Refusal);
        Assert.Equal("k", parse.BodyWriteKey);
        Assert.Equal(2, parse.Lines.Count);
        var first = JsonDocument.Parse(parse.Lines[0]).RootElement;
        Assert.Equal("Product Added", first.GetProperty("event").GetString());
        Assert.Equal("2024-03-05T14:29:00Z", first.GetProperty("timestamp").GetString());
        Assert.Equal("2024-03-05T14:29:59Z", first.GetProperty("sentAt").GetString());
        Assert.Equal("2024-03-05T14:30:00.250Z", first.GetProperty("receivedAt").GetString());
        Assert.Equal("5.6.7.8", first.GetProperty("context").GetProperty("ip").GetString());
        Assert.Equal("analytics-node", first.GetProperty("context").GetProperty("library").GetProperty("name").GetString());
        Assert.True(first.GetProperty("integrations").GetProperty("All").GetBoolean());
        Assert.Equal(9.5m, first.GetProperty("properties").GetProperty("price").GetDecimal());
        Assert.False(first.TryGetProperty("writeKey", out _));
        var second = JsonDocument.Parse(parse.Lines[1]).RootElement;
        Assert.Equal("identify", second.GetProperty("type").GetString());
        Assert.Equal("1.2.3.4", second.GetProperty("context").GetProperty("ip").GetString());
    }

    [Fact]
    public void A_message_without_message_id_or_timestamp_gets_a_new_id_and_the_time_received_as_segment_does()
    {
        var parse = Parse(TrackingCall.Track, """{"event":"Product Viewed","anonymousId":"a1","writeKey":"k"}""");

        var line = JsonDocument.Parse(Assert.Single(parse.Lines)).RootElement;
        Assert.Equal("id-1", line.GetProperty("messageId").GetString());
        Assert.Equal("2024-03-05T14:30:00.250Z", line.GetProperty("timestamp").GetString());
        Assert.Equal("track", line.GetProperty("type").GetString());
        Assert.False(line.TryGetProperty("writeKey", out _));
    }

    [Fact]
    public void A_single_call_takes_its_type_from_the_route()
    {
        var parse = Parse(TrackingCall.Page, """{"type":"track","name":"Home","userId":"u1"}""");

        Assert.Equal("page", JsonDocument.Parse(Assert.Single(parse.Lines)).RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public void Non_ascii_text_is_stored_as_utf8_not_escaped()
    {
        var parse = Parse(TrackingCall.Track, """{"event":"Produkt angesehen","userId":"ü1","properties":{"name":"Grüße"}}""");

        Assert.Contains("Grüße", Assert.Single(parse.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_message_over_32_kb_is_413_naming_the_message_and_the_limit()
    {
        var big = new string('x', TrackingLimits.MaxMessageBytes);
        var parse = Parse(TrackingCall.Batch, $$$"""{"batch":[{"type":"track","event":"ok","userId":"u"},{"type":"track","event":"big","userId":"u","properties":{"pad":"{{{big}}}"}}]}""");

        Assert.Equal(413, parse.Refusal!.StatusCode);
        var error = Assert.IsType<ApiErrorBody>(parse.Refusal.Body).Error;
        Assert.Equal("MessageTooLarge", error.Code);
        Assert.StartsWith("batch[1] is 32,", error.Message, StringComparison.Ordinal);
        Assert.Contains("32 KB (32,768 bytes) per message", error.Message, StringComparison.Ordinal);
        Assert.Empty(parse.Lines);
    }

    [Fact]
    public void A_single_call_over_32_kb_is_413()
    {
        var parse = Parse(TrackingCall.Track, $$$"""{"event":"big","userId":"u","properties":{"pad":"{{{new string('x', TrackingLimits.MaxMessageBytes)}}}"}}""");

        Assert.Equal("MessageTooLarge", Assert.IsType<ApiErrorBody>(parse.Refusal!.Body).Error.Code);
    }

    [Theory]
    [InlineData("", "InvalidJson")]
    [InlineData("{not json", "InvalidJson")]
    [InlineData("[1,2]", "InvalidJson")]
    [InlineData("""{"batch":{}}""", "InvalidBatch")]
    [InlineData("""{"batch":[1]}""", "InvalidMessage")]
    [InlineData("""{"batch":[],"a":1,"a":2}""", "InvalidJson")]
    public void A_body_that_is_not_a_batch_is_400_with_its_code(string body, string code)
    {
        var parse = Parse(TrackingCall.Batch, body);

        Assert.Equal(400, parse.Refusal!.StatusCode);
        Assert.Equal(code, Assert.IsType<ApiErrorBody>(parse.Refusal.Body).Error.Code);
    }

    [Fact]
    public void An_empty_batch_has_no_lines_and_no_refusal()
    {
        var parse = Parse(TrackingCall.Batch, """{"batch":[]}""");

        Assert.Null(parse.Refusal);
        Assert.Empty(parse.Lines);
    }

    private static TrackingParse Parse(TrackingCall call, string body)
    {
        var ids = 0;
        return TrackingRequestParser.Parse(Encoding.UTF8.GetBytes(body), call, ReceivedAt, () => $"id-{++ids}");
    }
}
