using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Api;

/// <summary>The OpenAPI document and the rendered reference page.</summary>
public sealed class OpenApiTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    [Fact]
    public async Task Document_covers_every_mapped_api_route_and_method()
    {
        using var client = Host.CreateClientWithoutKey();
        var document = await client.GetFromJsonAsync<JsonElement>("/api/openapi.json");
        var mapped = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal) && e.RoutePattern.RawText != "/api/openapi.json")
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: e.RoutePattern.RawText!, Method: m.ToLowerInvariant())))
            .ToList();

        var paths = document.GetProperty("paths");
        Assert.True(mapped.Count >= 11, $"only {mapped.Count} routes found");
        foreach (var (path, method) in mapped)
        {
            Assert.True(paths.TryGetProperty(path, out var operations), $"{path} is not in the document");
            Assert.True(operations.TryGetProperty(method, out _), $"{method} {path} is not in the document");
        }
    }

    [Fact]
    public async Task Document_describes_parameters_errors_and_both_key_schemes()
    {
        using var client = Host.CreateClientWithoutKey();
        var document = await client.GetFromJsonAsync<JsonElement>("/api/openapi.json");

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("apiKey", "header", "x-functions-key"), (schemes.GetProperty("functionKey").GetProperty("type").GetString(), schemes.GetProperty("functionKey").GetProperty("in").GetString(), schemes.GetProperty("functionKey").GetProperty("name").GetString()));
        Assert.Equal(("query", "code"), (schemes.GetProperty("adminKeyQuery").GetProperty("in").GetString(), schemes.GetProperty("adminKeyQuery").GetProperty("name").GetString()));
        var listing = document.GetProperty("paths").GetProperty("/api/segments/{name}/customers").GetProperty("get");
        Assert.Equal(["name", "pageSize", "continuationToken", "consent"], listing.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var consent = listing.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "consent");
        Assert.Contains("email or sms", consent.GetProperty("description").GetString(), StringComparison.Ordinal);
        var changes = document.GetProperty("paths").GetProperty("/api/segments/{name}/changes").GetProperty("get");
        Assert.Contains("consent", changes.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(listing.GetProperty("responses").TryGetProperty("410", out _));
        Assert.Contains("error", document.GetProperty("components").GetProperty("schemas").GetProperty("ApiErrorBody").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        var runSecurity = document.GetProperty("paths").GetProperty("/api/runs").GetProperty("post").GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["adminKey", "adminKeyQuery"], runSecurity);
        Assert.Equal(0, document.GetProperty("paths").GetProperty("/api/health").GetProperty("get").GetProperty("security").GetArrayLength());
        var lookupBody = document.GetProperty("paths").GetProperty("/api/customers/lookup").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        Assert.Equal(JsonValueKind.Object, lookupBody.GetProperty("schema").ValueKind);
    }

    [Fact]
    public async Task Document_says_every_keyed_route_answers_503_with_retry_after_while_storage_is_down_and_health_does_not()
    {
        using var client = Host.CreateClientWithoutKey();
        var document = await client.GetFromJsonAsync<JsonElement>("/api/openapi.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name} {path.Name}", Operation: operation.Value)))
            .ToList();
        foreach (var (name, operation) in operations.Where(o => o.Name != "get /api/health"))
        {
            Assert.True(operation.GetProperty("responses").TryGetProperty("503", out var outage), $"{name} documents no 503");
            Assert.True(outage.GetProperty("headers").TryGetProperty("Retry-After", out _), $"{name}: 503 without Retry-After");
            Assert.Equal("#/components/schemas/ApiErrorBody", outage.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        }

        var health = operations.Single(o => o.Name == "get /api/health").Operation;
        Assert.False(health.GetProperty("responses").TryGetProperty("503", out _));
    }

    [Fact]
    public async Task Document_lets_a_run_request_omit_asOf_as_the_host_does()
    {
        using var client = Host.CreateClientWithoutKey();
        var document = await client.GetFromJsonAsync<JsonElement>("/api/openapi.json");

        var body = document.GetProperty("paths").GetProperty("/api/runs").GetProperty("post").GetProperty("requestBody");
        // The body's schema is a component the operation refers to (#/components/schemas/RunRequestBody).
        var reference = body.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
        Assert.Equal("#/components/schemas/RunRequestBody", reference);
        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("RunRequestBody");
        Assert.False(body.TryGetProperty("required", out var required) && required.GetBoolean());
        Assert.True(schema.GetProperty("properties").TryGetProperty("asOf", out _));
        Assert.False(schema.TryGetProperty("required", out var names) && names.EnumerateArray().Any(n => n.GetString() == "asOf"));
    }

    [Fact]
    public async Task Reference_page_is_served_from_the_host_without_external_resources()
    {
        using var client = Host.CreateClientWithoutKey();

        using var page = await client.GetAsync("/api/docs/index.html");
        var html = await page.Content.ReadAsStringAsync();
        using var script = await client.GetAsync("/api/docs/swagger-ui-bundle.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("swagger-ui", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
