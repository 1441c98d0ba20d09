using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Api;

/// <summary>Keys as Azure Functions has them: function keys for reads, the admin key for everything.</summary>
public sealed class ApiKeyTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    private const string CrmKey = "named-crm-key-0001";
    private readonly CapturedLogs _logs = new();

    protected override IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string> { ["Segments:FunctionKeys:crm"] = CrmKey };

    protected override Microsoft.Extensions.Logging.ILoggerProvider HostLogs => _logs;

    [Theory]
    [InlineData("/api/segments")]
    [InlineData("/api/runs")]
    [InlineData("/api/batches")]
    [InlineData("/api/customers/A")]
    [InlineData("/api/segments/rfm:Lost/customers")]
    public async Task Reads_without_a_key_are_401_in_the_error_shape(string path)
    {
        using var client = Host.CreateClientWithoutKey();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("Unauthorized", error.GetProperty("code").GetString());
        Assert.Contains("x-functions-key", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SegmentsHostFactory.FunctionKey)]
    [InlineData(CrmKey)]
    [InlineData(SegmentsHostFactory.AdminKey)]
    public async Task Function_keys_and_the_admin_key_open_reads_in_header_or_code(string key)
    {
        using var client = Host.CreateClientWithoutKey();
        using var viaHeader = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        viaHeader.Headers.Add("x-functions-key", key);

        using var headerResponse = await client.SendAsync(viaHeader);
        using var queryResponse = await client.GetAsync($"/api/runs?code={Uri.EscapeDataString(key)}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (headerResponse.StatusCode, queryResponse.StatusCode));
    }

    [Theory]
    [InlineData(SegmentsHostFactory.FunctionKey)]
    [InlineData(CrmKey)]
    public async Task A_function_key_cannot_start_a_run(string key)
    {
        using var client = Host.CreateClientWithoutKey();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = new StringContent("{}") };
        request.Headers.Add("x-functions-key", key);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("admin key", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_needs_no_key()
    {
        using var client = Host.CreateClientWithoutKey();

        var health = await client.GetFromJsonAsync<JsonElement>("/api/health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_wrong_key_is_logged_without_the_key()
    {
        const string Wrong = "WRONG-key-9f3b2c71";
        using var client = Host.CreateClientWithoutKey();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/customers/A?code={Wrong}");
        request.Headers.Add("x-functions-key", Wrong);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var refusal = Assert.Single(_logs.Lines, line => line.Contains("Refused GET /api/customers/A", StringComparison.Ordinal));
        Assert.Contains("not valid", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(Wrong, StringComparison.Ordinal));
    }
}
