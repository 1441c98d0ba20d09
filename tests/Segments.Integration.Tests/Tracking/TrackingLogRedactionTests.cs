using System.Net;
using System.Text;
using Segments.Integration.Tests.Fixtures;
using Xunit.Abstractions;

namespace Segments.Integration.Tests.Tracking;

/// <summary>
/// No write key reaches the host's log, at any level: a host process logging everything (Trace) takes tracking calls
/// with the key as HTTP Basic credentials, in the body, a wrong key of each kind and a refused body; its whole log is
/// scanned for every key in every spelling a client sends (as written, base64 of <c>KEY:</c> and of <c>KEY</c>).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TrackingLogRedactionTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string WriteKey = "redaction-write-key-0008";
    private const string NextWriteKey = "redaction-next-write-key-0009";

    // Not configured: whoever sent it may have meant a real key elsewhere.
    private const string UnknownKey = "redaction-unknown-write-key-0010";

    [Fact]
    public async Task No_write_key_appears_in_the_log_of_tracking_calls_at_trace_level()
    {
        await azurite.ResetAsync();
        await using var host = await HostProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Segments__WriteKeys__site"] = WriteKey,
                ["Segments__WriteKeys__site-next"] = NextWriteKey,
                ["Segments__HostId"] = "segments-tracking-redaction",
                ["Logging__LogLevel__Default"] = "Trace",
                ["Logging__LogLevel__Microsoft"] = "Trace",
                ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
                ["Logging__LogLevel__Azure"] = "Trace",
            },
            "api/health",
            null);
        using var client = host.CreateClient(null);
        const string Track = """{"event":"Product Viewed","anonymousId":"a1","properties":{"product_id":"p1"}""";

        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, Track + "}", Basic(WriteKey)));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, Track + $",\"writeKey\":\"{NextWriteKey}\"}}", null));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(client, Track + "}", Basic(UnknownKey)));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(client, Track + $",\"writeKey\":\"{UnknownKey}\"}}", null));
        Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(client, """{"anonymousId":"a1"}""", Basic(WriteKey)));
        Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(client, "{not json, writeKey " + WriteKey, Basic(WriteKey)));

        var log = host.Output;
        output.WriteLine($"{log.Split('\n').Length:N0} lines, {log.Length:N0} characters of log at Trace");
        Assert.Contains("Refused tracking call track", log, StringComparison.Ordinal);
        Assert.Contains("write key site", log, StringComparison.Ordinal);
        foreach (var key in new[] { WriteKey, NextWriteKey, UnknownKey })
        {
            foreach (var spelling in new[] { key, Base64(key + ":"), Base64(key) })
            {
                Assert.False(log.Contains(spelling, StringComparison.Ordinal), $"{spelling} is in the host's log:\n{string.Join('\n', log.Split('\n').Where(l => l.Contains(spelling, StringComparison.Ordinal)).Take(5))}");
            }
        }
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Basic(string key) => "Basic " + Base64(key + ":");

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string body, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/track") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
