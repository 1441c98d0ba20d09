using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Segments.Integration.Tests.Fixtures;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Configuration;
using Segments.Storage.Account;

namespace Segments.Integration.Tests.Functions;

/// <summary>
/// The <c>functions.metadata</c> the Worker SDK writes into the Functions app's build output (what the runtime indexes
/// in Azure) against the contract table, the routes the local host serves and its OpenAPI document: a route added to
/// one host and not the other, or with another method or key level, fails here.
/// </summary>
public sealed class FunctionsMetadataTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    [Fact]
    public void Every_contract_route_is_exactly_one_function_with_its_name_template_method_and_key_level()
    {
        var http = HttpTriggers();

        foreach (var route in ApiContract.Routes)
        {
            var matches = http.Where(f => f.Route == route.Template && f.Methods.Contains(route.Method, StringComparer.OrdinalIgnoreCase)).ToList();
            Assert.True(matches.Count == 1, $"{route.Method} {route.Path} ({route.Name}) is served by {matches.Count} functions in functions.metadata: [{string.Join(", ", matches.Select(m => m.Name))}]");
            Assert.Equal((route.Name, route.KeyLevel.ToString()), (matches[0].Name, matches[0].AuthLevel));
        }

        var outsideContract = http.Where(f => !ApiContract.Routes.Any(r => r.Name == f.Name && r.Template == f.Route)).Select(f => $"{f.Name} ({string.Join(",", f.Methods)} {f.Route})").ToList();
        Assert.True(outsideContract.Count == 0, $"HTTP functions not in the contract table (Segments.Pipeline/Api/Contract): {string.Join(", ", outsideContract)}");
    }

    [Fact]
    public void Health_and_tracking_are_anonymous_run_requests_and_destination_changes_need_the_admin_key_and_every_other_api_route_a_function_key()
    {
        var levels = HttpTriggers().ToDictionary(f => $"{f.Methods.Single().ToUpperInvariant()} /api/{f.Route}", f => f.AuthLevel);

        Assert.Equal("Anonymous", levels["GET /api/health"]);
        var admin = new[] { "POST /api/runs", "POST /api/destinations", "POST /api/destinations/{name}/replay" };
        Assert.All(admin, route => Assert.Equal("Admin", levels[route]));

        // The tracking API checks its write key itself (HTTP Basic, as Segment's SDKs send it): the runtime lets it through.
        var tracking = TrackingRoutes.All.Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.Equal(7, tracking.Count);
        Assert.All(tracking, route => Assert.Equal("Anonymous", levels[route]));
        var reference = new[] { "GET /api/openapi.json", "GET /api/docs/{*path}", "GET /api/health" };
        Assert.All(levels.Where(l => !reference.Contains(l.Key) && !tracking.Contains(l.Key) && !admin.Contains(l.Key)), l => Assert.Equal("Function", l.Value));
        Assert.Equal(["Anonymous", "Anonymous"], reference.Take(2).Select(r => levels[r]));
    }

    [Fact]
    public async Task Every_route_the_local_host_serves_is_a_contract_route_and_every_contract_route_is_served()
    {
        var served = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/" + ApiContract.Prefix + "/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order()
            .ToList();

        // The reference page is middleware in the local host (Swagger UI), not an endpoint: asked for, it answers.
        var expected = ApiContract.Routes.Where(r => r != ReferenceRoutes.ShowApiReference).Select(r => $"{r.Method} {r.Path}").Order().ToList();
        Assert.Equal(expected, served);
        using var client = Host.CreateClientWithoutKey();
        using var page = await client.GetAsync($"/{ApiContract.Prefix}/{ReferenceRoutes.PageFolder}/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Local_host_asks_each_contract_route_for_the_key_its_level_names()
    {
        using var client = Host.CreateClientWithoutKey();

        foreach (var route in ApiContract.Routes)
        {
            // Route values are placeholders: the key check runs before any handler reads them.
            var path = Regex.Replace(route.Path.Replace("{*path}", "index.html", StringComparison.Ordinal), "{[^}]+}", "x");
            var withoutKey = await SendAsync(client, route.Method, path, key: null);
            var withFunctionKey = await SendAsync(client, route.Method, path, SegmentsHostFactory.FunctionKey);

            var expected = route.KeyLevel switch
            {
                // A function key is no write key: the tracking API refuses both.
                ApiKeyLevel.Anonymous when route.TakesWriteKey => (true, true),
                ApiKeyLevel.Anonymous => (false, false),
                ApiKeyLevel.Admin => (true, true),
                _ => (true, false),
            };
            Assert.True(
                expected == (withoutKey == HttpStatusCode.Unauthorized, withFunctionKey == HttpStatusCode.Unauthorized),
                $"{route.Method} {path} ({route.KeyLevel}): {(int)withoutKey} without a key, {(int)withFunctionKey} with a function key");
        }
    }

    [Fact]
    public async Task Every_operation_of_the_openapi_document_is_a_contract_route_with_its_name_and_key_level()
    {
        using var client = Host.CreateClientWithoutKey();
        var document = await client.GetFromJsonAsync<JsonElement>("/" + ApiContract.Prefix + "/" + ReferenceRoutes.Document);

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Key: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToDictionary(op => op.Key, op => op.Operation);
        var documented = ApiContract.Routes.Where(r => !ReferenceRoutes.All.Contains(r)).ToList();

        Assert.Equal(documented.Select(r => $"{r.Method} {r.Path}").Order(), operations.Keys.Order());
        foreach (var route in documented)
        {
            var operation = operations[$"{route.Method} {route.Path}"];
            Assert.Equal(route.Name, operation.GetProperty("operationId").GetString());
            var schemes = operation.TryGetProperty("security", out var security)
                ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList()
                : [];
            var expected = route.KeyLevel switch
            {
                ApiKeyLevel.Anonymous when route.TakesWriteKey => ["writeKey"],
                ApiKeyLevel.Anonymous => Array.Empty<string>(),
                ApiKeyLevel.Admin => ["adminKey", "adminKeyQuery"],
                _ => ["functionKey", "functionKeyQuery", "adminKey", "adminKeyQuery"],
            };
            Assert.True(expected.SequenceEqual(schemes), $"{route.Name}: security [{string.Join(", ", schemes)}], the contract's {route.KeyLevel} level needs [{string.Join(", ", expected)}]");
        }
    }

    [Fact]
    public void Blob_triggers_take_event_grid_deliveries_for_the_export_containers_on_the_storage_connection()
    {
        var blobs = Bindings("blobTrigger").ToDictionary(b => b.Function, b => b.Binding);

        Assert.Equal(["IngestBatch", "IngestEvents", "IngestProfiles"], blobs.Keys.Order());
        foreach (var (function, container) in new[] { ("IngestBatch", StorageNames.TransactionsContainer), ("IngestProfiles", StorageNames.CustomersContainer), ("IngestEvents", StorageNames.EventsContainer) })
        {
            var binding = blobs[function];
            Assert.Equal(
                (container + "/{name}", "EventGrid", StorageConnectionSettings.Setting, "AzureWebJobsStorage"),
                (binding.GetProperty("path").GetString(), binding.GetProperty("source").GetString(), binding.GetProperty("connection").GetString(), StorageConnectionSettings.Setting));
        }
    }

    [Fact]
    public void Timer_fires_on_the_schedule_setting_the_local_host_validates()
    {
        var timer = Assert.Single(Bindings("timerTrigger"));

        Assert.Equal("RecomputeSegments", timer.Function);
        Assert.Equal($"%{SegmentsOptions.Section}:{nameof(SegmentsOptions.Schedule)}%", timer.Binding.GetProperty("schedule").GetString());
    }

    [Fact]
    public void Queue_triggers_execute_runs_do_bucket_work_and_send_deliveries_from_the_queues_of_the_local_host()
    {
        var queues = Bindings("queueTrigger")
            .Select(q => (q.Function, q.Binding.GetProperty("queueName").GetString(), q.Binding.GetProperty("connection").GetString()))
            .OrderBy(q => q.Function, StringComparer.Ordinal);

        Assert.Equal(
            [("ExecuteRun", StorageNames.RunRequestsQueue, StorageConnectionSettings.Setting), ("ProcessBucketWork", StorageNames.BucketWorkQueue, StorageConnectionSettings.Setting), ("SendDelivery", StorageNames.DeliveriesQueue, StorageConnectionSettings.Setting)],
            queues);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string path, string? key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The metadata file of the Functions app built in this test run's configuration (the test project references it, so it is built first).</summary>
    private static JsonElement Metadata()
    {
        var configuration = typeof(FunctionsMetadataTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var path = Path.Combine(RepositoryPaths.Root, "src", "Segments.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build src/Segments.Functions -c {configuration} (the Worker SDK writes it).");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    private static List<(string Function, JsonElement Binding)> Bindings(string type) =>
        Metadata().EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Select(b => (Function: f.GetProperty("name").GetString()!, Binding: b)))
            .Where(b => b.Binding.GetProperty("type").GetString() == type)
            .ToList();

    private static List<HttpTrigger> HttpTriggers() =>
        Bindings("httpTrigger")
            .Select(b => new HttpTrigger(
                b.Function,
                b.Binding.GetProperty("route").GetString()!,
                b.Binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).ToList(),
                b.Binding.GetProperty("authLevel").GetString()!))
            .ToList();

    private sealed record HttpTrigger(string Name, string Route, IReadOnlyList<string> Methods, string AuthLevel);
}
