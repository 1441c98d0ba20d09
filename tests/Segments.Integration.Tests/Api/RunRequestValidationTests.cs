using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Api;

/// <summary>
/// <c>POST /api/runs</c> refuses what it does not understand instead of running as of today: unknown
/// (or wrongly cased) properties by name, a non-boolean <c>allowEmpty</c>, an as-of far past any data.
/// </summary>
public sealed class RunRequestValidationTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    [Theory]
    [InlineData("""{"asof":"2011-12-10"}""", "Unknown property 'asof'")]
    [InlineData("""{"asOf":"2011-12-10","dryRun":true}""", "Unknown property 'dryRun'")]
    [InlineData("""{"allowEmpty":"yes"}""", "allowEmpty must be true or false, not \"yes\"")]
    [InlineData("""{"asOf":"9999-12-31"}""", "asOf 9999-12-31 is ")]
    public async Task Run_request_that_is_not_understood_is_400_saying_what(string body, string reason)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = new StringContent(body) };
        request.Headers.Add("x-functions-key", SegmentsHostFactory.AdminKey);

        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("InvalidRunRequest", error.GetProperty("code").GetString());
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty((await Host.Http.GetFromJsonAsync<JsonElement>("/api/runs")).EnumerateArray());
    }

    [Fact]
    public async Task Run_request_with_allow_empty_is_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = new StringContent("""{"asOf":"2011-12-10","allowEmpty":true}""") };
        request.Headers.Add("x-functions-key", SegmentsHostFactory.AdminKey);

        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("2011-12-10", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("asOf").GetString());
    }
}
