using System.Text.Json.Nodes;
using Segments.Functions.Tests.Fixtures;
using Segments.Integration.Tests.Fixtures;
using Xunit.Abstractions;
using static Segments.Functions.Tests.Fixtures.ApiRequest;

namespace Segments.Functions.Tests.Api;

/// <summary>
/// Every HTTP function, invoked in-process with an ASP.NET Core request, answers as the local host answers the
/// same request on the same data: status, ETag, Cache-Control, content type, Location and body (JSON compared
/// as JSON, CSV and HTML as text).
/// </summary>
public sealed class HttpParityTests(AzuriteFixture azurite, ITestOutputHelper output) : FunctionsTestBase(azurite)
{
    /// <summary>
    /// The requests sent to both hosts, at least one per HTTP function (a test checks that), with the errors
    /// each route gives for bad input. Placeholders: {segment} an RFM segment id (URL-encoded), {customer} one of
    /// its customers, {etag} that customer's current ETag, {token} the continuation token of its first page of two, {run} the active run (requested over HTTP), {previousRun} the timer's run before it.
    /// </summary>
    public static IReadOnlyList<ParityCase> Cases { get; } =
    [
        new(Get("/api/health")),
        new(Get("/api/customers/{customer}")),
        new(Get("/api/customers/{customer}", ("If-None-Match", "{etag}"))),
        new(Get("/api/customers/{customer}", ("Cache-Control", "no-cache"))),
        new(Get("/api/customers/{customer}?include=recommendations")),
        new(Get("/api/customers/{customer}?include=bogus")),
        new(Get("/api/customers/no-such-customer")),
        new(Get("/api/customers/99901")),
        new(Post("/api/customers/lookup", """{"ids":["{customer}","no-such-customer"]}""")),
        new(Post("/api/customers/lookup", """{"ids":""")),
        new(Post("/api/customers/lookup", """{"ids":[]}""")),
        new(Post("/api/customers/lookup?include=recommendations", """{"ids":["{customer}","no-such-customer"]}""")),
        new(Get("/api/segments")),
        new(Get("/api/segments/{segment}/customers?pageSize=2")),
        new(Get("/api/segments/{segment}/customers?pageSize=2&continuationToken={token}")),
        new(Get("/api/segments/{segment}/customers?pageSize=2&consent=email")),
        new(Get("/api/segments/{segment}/customers", ("Accept", "text/csv"))),
        new(Get("/api/segments/{segment}/customers?pageSize=0")),
        new(Get("/api/segments/{segment}/customers?consent=fax")),
        new(Get("/api/segments/{segment}/customers?continuationToken=forged")),
        new(Get("/api/segments/rfm:No%20Such%20Segment/customers")),
        new(Get("/api/segments/Lost/customers")),
        new(Get("/api/segments/behaviour:Cart%20Abandoners/customers")),
        new(Get("/api/segments/{segment}/changes")),
        new(Get("/api/segments/{segment}/changes?fromRun={previousRun}&toRun={run}&consent=email")),
        new(Get("/api/segments/{segment}/changes?fromRun=no-such-run")),
        new(Get("/api/segments/{segment}/history")),
        new(Get("/api/segments/Lost/history")),
        new(Get("/api/segments/{segment}/profile")),
        new(Get("/api/segments/rfm:No%20Such%20Segment/profile")),
        new(Get("/api/segments/{segment}/recommendations")),
        new(Get("/api/segments/{segment}/recommendations", ("Accept", "text/csv"))),
        new(Get("/api/segments/rfm:No%20Such%20Segment/recommendations")),
        new(Get("/api/customers/{customer}/recommendations")),
        new(Get("/api/customers/{customer}/recommendations", ("Accept", "text/csv"))),
        new(Get("/api/customers/no-such-customer/recommendations")),
        new(Post("/api/runs", """{"asOf":"2011-12-10"}"""), "runId", "requestedAt"),
        new(Post("/api/runs", """{"asOf":"10/12/2011"}""")),
        new(Get("/api/runs")),
        new(Get("/api/runs?format=csv")),
        new(Get("/api/runs?format=xml")),
        new(Get("/api/runs/{run}")),
        new(Get("/api/runs/no-such-run")),
        new(Get("/api/cohorts")),
        new(Get("/api/cohorts?format=csv")),
        new(Get("/api/cohorts?by=country")),
        new(Get("/api/cohorts?by=shoeSize")),
        new(Get("/api/experiments/no-such-experiment/results")),
        new(Get("/api/experiments/winback/results?from=2011-12-01")),
        new(Get("/api/experiments/winback/results?from=2001-01-01&to=2001-02-01")),
        new(Get("/api/batches")),
        new(Get("/api/dashboard")),
        new(Get("/api/destinations")),
        new(Post("/api/destinations", """{"destinations":[{"name":"crm","kind":"webhook","url":"http://127.0.0.1:9/hook","secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw","segments":["lifecycle:*"]},{"name":"lists","kind":"audiense-files","segments":["rfm:Lost"]}]}""")),
        new(Post("/api/destinations", """{"destinations":"none"}""")),
        new(Get("/api/destinations")),
        new(Get("/api/destinations/crm")),
        new(Get("/api/destinations/no-such-destination")),
        new(Post("/api/destinations/crm/replay", "")),
        new(Post("/api/destinations/no-such-destination/replay", "")),
        new(Get("/api/openapi.json")),
        new(Get("/api/docs/index.html")),
        new(Get("/api/docs/no-such-file.js")),
        new(Post("/api/v1/batch", """{"batch":[{"type":"track","event":"Product Viewed","userId":"u1","properties":{"product_id":"p1","price":3}},{"type":"identify","userId":"u1","anonymousId":"a1"}]}""", WriteKeyHeader)),
        new(Post("/api/v1/track", """{"event":"Product Added","anonymousId":"a1","properties":{"product_id":"p1","price":3},"writeKey":"test-write-key"}""")),
        new(Post("/api/v1/identify", """{"userId":"u1","anonymousId":"a1","traits":{"plan":"gold"}}""", WriteKeyHeader)),
        new(Post("/api/v1/page", """{"anonymousId":"a1","name":"Home"}""", WriteKeyHeader)),
        new(Post("/api/v1/screen", """{"anonymousId":"a1","name":"Cart"}""", WriteKeyHeader)),
        new(Post("/api/v1/alias", """{"previousId":"a1","userId":"u1"}""", WriteKeyHeader)),
        new(Post("/api/v1/group", """{"userId":"u1","groupId":"g1"}""", WriteKeyHeader)),
        new(Post("/api/v1/track", """{"userId":"u1"}""", WriteKeyHeader)),
        new(Post("/api/v1/track", """{"event":"Product Added","userId":"u1"}""", ("Authorization", "Basic d3Jvbmcta2V5Og=="))),
        new(Post("/api/v1/batch", """{"batch":[]}""")),
        new(Post("/api/v1/batch", "{\"batch\":[{\"type\":\"track\",\"event\":\"x\",\"userId\":\"u\",\"properties\":{\"pad\":\"" + new string('x', 33_000) + "\"}}]}", WriteKeyHeader)),
    ];

    // HTTP Basic with the test write key as user name, as analytics-node sends it.
    private static (string, string) WriteKeyHeader => ("Authorization", "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(SegmentsHostFactory.WriteKey + ":")));

    [Fact]
    public void Every_http_function_has_a_parity_case()
    {
        var routed = Cases.Select(c => FunctionsHttp.Route(c.Request)?.Function ?? throw new InvalidOperationException($"No function serves {c}.")).ToHashSet();
        var routes = FunctionsHttp.Functions.Select(RouteOf).ToList();
        output.WriteLine($"{routes.Count} HTTP routes, {Cases.Count} parity cases: {string.Join("; ", routes)}");

        Assert.Empty(FunctionsHttp.Functions.Except(routed).Select(f => f.Name));
        Assert.Equal(routes.Count, routes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task Every_http_function_answers_as_the_local_host_does_on_the_same_data()
    {
        var values = await SetUpDataAsync();
        var functions = new FunctionsHttp(App.Services);
        await using var host = new LocalHost(Azurite.ConnectionString);

        var differences = new List<string>();
        foreach (var parity in Cases)
        {
            var request = parity.Fill(values);
            var function = FunctionsHttp.Route(request)!.Value.Function;
            var fromFunction = await functions.SendAsync(request);
            var fromHost = await host.SendAsync(request, FunctionsHttp.LevelOf(function));
            output.WriteLine($"{fromFunction.Status} {fromHost.Status} {function.Name,-22} {request}");
            differences.AddRange(parity.Differences(fromFunction, fromHost).Select(d => $"{request} ({function.Name}): {d}"));
        }

        output.WriteLine($"{Cases.Count} requests over {FunctionsHttp.Functions.Count} HTTP functions compared");
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public async Task Every_error_a_function_answers_has_the_one_error_shape()
    {
        var values = await SetUpDataAsync();
        var functions = new FunctionsHttp(App.Services);
        var errors = 0;

        foreach (var request in Cases.Select(c => c.Fill(values)))
        {
            var answer = await functions.SendAsync(request);
            if (answer.Status < 400)
            {
                continue;
            }

            errors++;
            var body = Assert.IsType<JsonObject>(answer.Json);
            Assert.Equal(["error"], body.Select(p => p.Key));
            var error = Assert.IsType<JsonObject>(body["error"]);
            Assert.Equal(["code", "message"], error.Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.False(string.IsNullOrWhiteSpace(error["code"]!.GetValue<string>()), request.ToString());
            Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()), request.ToString());
            Assert.StartsWith("application/json", answer.Header("Content-Type"), StringComparison.Ordinal);
        }

        Assert.True(errors >= 10, $"{errors} error answers");
    }

    // "GET api/runs/{runId}": the methods and route template of an HTTP function's trigger.
    private static string RouteOf(FunctionMethod function)
    {
        var trigger = (Microsoft.Azure.Functions.Worker.HttpTriggerAttribute)function.Trigger;
        return $"{string.Join(",", trigger.Methods ?? []).ToUpperInvariant()} {RouteTemplate.Prefix}/{trigger.Route}";
    }

    // Orders, customers and behaviour events ingested; the timer's run of 2011-11-30, then a run as of 2011-12-10 requested over
    // HTTP, both executed from the queue, so the second is active and changes have a run to compare with.
    private async Task<Dictionary<string, string>> SetUpDataAsync()
    {
        await IngestSampleAsync();
        await IngestCustomersSampleAsync();
        await IngestEventsSampleAsync();
        var functions = new FunctionsHttp(App.Services);

        await Invoker.InvokeAsync(FunctionMethod.Named("RecomputeSegments"), TimerFiring(new DateTime(2011, 11, 30, 2, 0, 0, DateTimeKind.Utc)));
        var previousRun = Assert.Single(await QueuedRunMessagesAsync());
        await Invoker.InvokeAsync(FunctionMethod.Named("ExecuteRun"), previousRun);
        var requested = await functions.SendAsync(Post("/api/runs", """{"asOf":"2011-12-10"}"""));
        Assert.Equal(202, requested.Status);
        var run = (await QueuedRunMessagesAsync()).Single(id => id != previousRun);
        await Invoker.InvokeAsync(FunctionMethod.Named("ExecuteRun"), run);

        var segments = (await functions.SendAsync(Get("/api/segments"))).Json!["segments"]!.AsArray();
        var segment = segments
            .Where(s => s!["id"]!.GetValue<string>().StartsWith("rfm:", StringComparison.Ordinal))
            .OrderByDescending(s => s!["customers"]!.GetValue<int>())
            .First()!["id"]!.GetValue<string>();
        var encoded = Uri.EscapeDataString(segment);
        var page = (await functions.SendAsync(Get($"/api/segments/{encoded}/customers?pageSize=1"))).Json!;
        var customer = page["customers"]![0]!["customerId"]!.GetValue<string>();
        var token = (await functions.SendAsync(Get($"/api/segments/{encoded}/customers?pageSize=2"))).Json!["continuationToken"]!.GetValue<string>();
        var etag = (await functions.SendAsync(Get($"/api/customers/{customer}"))).Header("ETag")!;
        return new Dictionary<string, string>
        {
            ["segment"] = encoded,
            ["customer"] = customer,
            ["etag"] = etag,
            ["token"] = Uri.EscapeDataString(token),
            ["run"] = run,
            ["previousRun"] = previousRun,
        };
    }
}
