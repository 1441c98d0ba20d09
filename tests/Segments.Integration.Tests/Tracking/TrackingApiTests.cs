using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Tracking;

/// <summary>
/// The tracking API's refusals and completions against a real Azurite: a refused request stores nothing and answers
/// in the one error shape naming why (the key, the limit, the message); an accepted one stores what Segment would.
/// </summary>
public sealed class TrackingApiTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    private static readonly string Basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(SegmentsHostFactory.WriteKey + ":"));

    [Theory]
    [InlineData("Basic d3Jvbmcta2V5Og==", null, "the key sent is not valid")]
    [InlineData(null, "wrong-key", "the key sent is not valid")]
    [InlineData(null, null, "none was sent")]
    public async Task A_wrong_or_missing_write_key_is_401_in_the_error_shape_and_stores_nothing(string? authorization, string? bodyKey, string says)
    {
        var body = bodyKey is null ? """{"batch":[{"type":"track","event":"Product Viewed","userId":"u1"}]}""" : $$"""{"batch":[{"type":"track","event":"Product Viewed","userId":"u1"}],"writeKey":"{{bodyKey}}"}""";

        using var response = await PostAsync("api/v1/batch", body, authorization);

        var message = await ErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
        Assert.Contains(says, message, StringComparison.Ordinal);
        Assert.Empty((await TrackedEvents.ReadAsync(Azurite.ConnectionString)).BlobNames);
    }

    [Fact]
    public async Task A_write_key_in_the_body_alone_is_accepted_and_not_stored()
    {
        using var response = await PostAsync("api/v1/track", $$"""{"event":"Product Viewed","anonymousId":"a1","writeKey":"{{SegmentsHostFactory.WriteKey}}"}""", authorization: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"success":true}""", await response.Content.ReadAsStringAsync());
        var stored = await TrackedEvents.ReadAsync(Azurite.ConnectionString);
        Assert.Equal("Product Viewed", Assert.Single(stored.Events).Name);
        Assert.DoesNotContain(SegmentsHostFactory.WriteKey, stored.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_over_32_kb_is_413_naming_the_32_kb_limit_and_stores_nothing()
    {
        var pad = new string('x', 33 * 1024);

        using var inBatch = await PostAsync("api/v1/batch", $$$"""{"batch":[{"type":"track","event":"small","userId":"u1"},{"type":"track","event":"big","userId":"u1","properties":{"pad":"{{{pad}}}"}}]}""", Basic);
        using var single = await PostAsync("api/v1/track", $$$"""{"event":"big","userId":"u1","properties":{"pad":"{{{pad}}}"}}""", Basic);

        var batchMessage = await ErrorAsync(inBatch, HttpStatusCode.RequestEntityTooLarge, "MessageTooLarge");
        Assert.StartsWith("batch[1] is 33,", batchMessage, StringComparison.Ordinal);
        Assert.Contains("limit of 32 KB (32,768 bytes) per message", batchMessage, StringComparison.Ordinal);
        Assert.Contains("32 KB", await ErrorAsync(single, HttpStatusCode.RequestEntityTooLarge, "MessageTooLarge"), StringComparison.Ordinal);
        Assert.Empty((await TrackedEvents.ReadAsync(Azurite.ConnectionString)).BlobNames);
    }

    [Fact]
    public async Task A_batch_over_500_kb_is_413_naming_the_500_kb_limit_and_one_just_under_it_is_stored_whole()
    {
        // Messages of about 1 KB each: 480 stay under 500 KB (far over the 16 KB cap of other routes), 520 pass it.
        var (underBody, overBody) = (BatchOf(480), BatchOf(520));
        Assert.InRange(Encoding.UTF8.GetByteCount(underBody), 400_000, 512_000);
        Assert.InRange(Encoding.UTF8.GetByteCount(overBody), 512_001, 600_000);

        using var under = await PostAsync("api/v1/batch", underBody, Basic);
        using var over = await PostAsync("api/v1/batch", overBody, Basic);

        Assert.Equal(HttpStatusCode.OK, under.StatusCode);
        var message = await ErrorAsync(over, HttpStatusCode.RequestEntityTooLarge, "RequestTooLarge");
        Assert.Contains("512,000 bytes", message, StringComparison.Ordinal);
        Assert.Contains("500 KB per batch", message, StringComparison.Ordinal);
        var stored = await TrackedEvents.ReadAsync(Azurite.ConnectionString);
        Assert.Single(stored.BlobNames);
        Assert.Equal(480, stored.Events.Count);
    }

    [Fact]
    public async Task A_track_without_event_is_400_naming_the_message_and_stores_nothing_of_the_batch()
    {
        using var response = await PostAsync("api/v1/batch", """{"batch":[{"type":"track","event":"Product Viewed","userId":"u1"},{"type":"track","userId":"u1","properties":{"product_id":"p1"}}]}""", Basic);

        var message = await ErrorAsync(response, HttpStatusCode.BadRequest, "InvalidMessage");
        Assert.Equal("batch[1] 'event' is missing: a track call needs an event name; nothing of this request was stored.", message);
        Assert.Empty((await TrackedEvents.ReadAsync(Azurite.ConnectionString)).BlobNames);
    }

    [Fact]
    public async Task A_message_without_timestamp_or_message_id_gets_the_time_received_and_an_id()
    {
        var before = DateTimeOffset.UtcNow;
        using var response = await PostAsync("api/v1/page", """{"anonymousId":"a1","name":"Home"}""", Basic);
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await TrackedEvents.ReadAsync(Azurite.ConnectionString);
        var page = Assert.Single(stored.Events);
        Assert.InRange(page.Timestamp, before.AddMilliseconds(-1), after.AddMilliseconds(1));
        Assert.False(string.IsNullOrEmpty(page.MessageId));
        var raw = Assert.Single(stored.Messages);
        Assert.Equal("page", raw.GetProperty("type").GetString());
        Assert.Equal(raw.GetProperty("timestamp").GetString(), raw.GetProperty("receivedAt").GetString());
    }

    private static string BatchOf(int messages)
    {
        var batch = Enumerable.Range(0, messages).Select(i => new
        {
            type = "track",
            @event = "Product Viewed",
            userId = $"customer-{i}",
            messageId = $"m-{i}",
            timestamp = "2011-12-06T10:00:00Z",
            properties = new { product_id = "85123A", price = 2.55m, pad = new string('p', 850) },
        });
        return JsonSerializer.Serialize(new { batch });
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body, string? authorization)
    {
        using var client = Host.CreateClientWithoutKey();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return await client.SendAsync(request);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["error"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(code, body.GetProperty("error").GetProperty("code").GetString());
        return body.GetProperty("error").GetProperty("message").GetString()!;
    }
}
