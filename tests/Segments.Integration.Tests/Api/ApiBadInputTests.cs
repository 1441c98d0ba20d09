using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Api;

/// <summary>What the HTTP API answers to requests it cannot serve.</summary>
public sealed class ApiBadInputTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    [Theory]
    [InlineData("{\"asOf\":\"2024-13-01\"}", "2024-13-01")]
    [InlineData("{\"asOf\":\"31/03/2024\"}", "31/03/2024")]
    [InlineData("{\"asOf\":20240331}", "20240331")]
    public async Task Bad_asOf_is_400_naming_the_value(string body, string value)
    {
        using var response = await PostRunAsync(body, SegmentsHostFactory.AdminKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("InvalidRunRequest", error.GetProperty("code").GetString());
        Assert.Contains(value, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_that_is_not_json_is_400()
    {
        using var response = await PostRunAsync("asOf=2024-03-31", SegmentsHostFactory.AdminKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Starting_a_run_without_the_admin_key_is_401(string? key)
    {
        using var response = await PostRunAsync("{}", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Admin_key_is_also_accepted_as_the_code_query_parameter()
    {
        using var response = await Host.Http.PostAsync($"/api/runs?code={SegmentsHostFactory.AdminKey}", new StringContent(string.Empty));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith("/api/runs/", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_body_runs_as_of_today_utc()
    {
        using var response = await PostRunAsync(string.Empty, SegmentsHostFactory.AdminKey);

        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), run.GetProperty("asOf").GetString());
        Assert.Equal("queued", run.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unknown_run_is_404()
    {
        using var response = await Host.Http.GetAsync("/api/runs/20000101T000000000Z-0000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("RunNotFound", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Segments_before_any_run_is_404_saying_so()
    {
        using var response = await Host.Http.GetAsync("/api/segments");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NoActiveRun", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    private async Task<HttpResponseMessage> PostRunAsync(string body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = new StringContent(body) };
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        return await Host.Http.SendAsync(request);
    }
}
