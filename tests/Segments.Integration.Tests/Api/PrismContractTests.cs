using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Api;

/// <summary>
/// The contract against the answers: the host runs as a process over Azurite with the sample loaded and four
/// runs done, and every operation of its own OpenAPI document is called through Prism, a proxy that checks
/// each request and answer against the document (status, content type, body schema, security). Error answers
/// are part of the pass. A request that needs no key is the only kind never sent: Prism refuses it itself
/// (401 problem+json) before the host sees it, so 401 cases send a key the host does not know.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class PrismContractTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AdminKey = "prism-admin-key";
    private const string FunctionKey = "prism-function-key";
    private const string UnknownKey = "not-a-key-of-this-host";
    private const string WriteKey = "prism-write-key";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _documentPath = Path.Combine(Path.GetTempPath(), $"segments-openapi-{Guid.NewGuid():N}.json");
    private HostProcess _host = null!;
    private HttpClient _direct = null!;
    private PrismProxy _prism = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _host = await HostProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Segments__AdminKey"] = AdminKey,
                ["Segments__FunctionKey"] = FunctionKey,
                ["Segments__WriteKeys__prism"] = WriteKey,
                ["Segments__PollIntervalSeconds"] = "1",
                ["Segments__ActiveRunCacheSeconds"] = "0",
                ["Segments__HostId"] = "segments-prism-test",
            },
            "api/health",
            null);
        _direct = _host.CreateClient(FunctionKey);
        await File.WriteAllTextAsync(_documentPath, await _direct.GetStringAsync("api/openapi.json"));
        _prism = await PrismProxy.StartAsync(_documentPath, _host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _direct?.Dispose();
        if (_prism is not null)
        {
            await _prism.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        File.Delete(_documentPath);
    }

    [Fact]
    public async Task Every_operation_of_the_document_answers_as_documented_through_a_validating_proxy()
    {
        // Arrange: before any run, then the sample export and its customer export scored four times, so that the
        // oldest run's rows are no longer kept (the newest three generations are) and a token of it is gone.
        var failures = new List<string>();
        var sent = new List<PrismCase>();
        await PassAsync(BeforeAnyRun(), failures, sent);

        await IngestAsync(StorageNames.TransactionsContainer, "sample/online-retail-sample.csv", RepositoryPaths.Sample);
        await IngestAsync(StorageNames.CustomersContainer, "crm/customers-sample.csv", RepositoryPaths.CustomersSample);
        await IngestAsync(StorageNames.EventsContainer, "segment/events-sample.jsonl", RepositoryPaths.EventsSample);
        var oldest = await RunAsync("2011-03-31");
        var segment = await BusiestSegmentAsync();
        var oldToken = await ContinuationTokenAsync(segment);
        await RunAsync("2011-06-30");
        await RunAsync("2011-09-30");
        var active = await RunAsync("2011-12-10");
        await WaitUntilGoneAsync(segment, oldToken);
        var customer = await FirstCustomerAsync(segment);
        var eTag = await ETagAsync(customer);

        // Act
        await PassAsync(AfterRuns(segment, customer, eTag, oldest, active, oldToken), failures, sent);

        // Assert: no violation, and every operation of the document exercised.
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent.Count} requests through Prism broke the contract:\n{string.Join("\n\n", failures)}\n\nPrism's violations:\n{_prism.Violations}");
        var documented = DocumentedOperations();
        var exercised = sent.Select(c => (c.Method, c.Route)).ToHashSet();
        Assert.Empty(documented.Except(exercised).Select(o => $"{o.Method} {o.Route} has no case in the pass"));
        Assert.Empty(exercised.Except(documented).Select(o => $"{o.Method} {o.Route} is not in the document"));
        Assert.True(documented.Count >= 13, $"only {documented.Count} operations documented");
    }

    /// <summary>Answers that only an empty account gives.</summary>
    private static IEnumerable<PrismCase> BeforeAnyRun() =>
    [
        new("GET", "/api/segments", "/api/segments", 404, FunctionKey),
        new("GET", "/api/segments/{name}/profile", "/api/segments/rfm%3AChampions/profile", 404, FunctionKey),
        new("GET", "/api/segments/{name}/recommendations", "/api/segments/rfm%3AChampions/recommendations", 404, FunctionKey),
        new("GET", "/api/customers/{customerId}/recommendations", "/api/customers/12662/recommendations", 404, FunctionKey),
        new("GET", "/api/customers/{customerId}", "/api/customers/12662", 404, FunctionKey),
        new("GET", "/api/dashboard", "/api/dashboard", 200, FunctionKey),
        new("GET", "/api/cohorts", "/api/cohorts", 404, FunctionKey),
    ];

    private static IEnumerable<PrismCase> AfterRuns(string segment, string customer, string eTag, string oldestRun, string activeRun, string oldToken)
    {
        var name = Uri.EscapeDataString(segment);
        var id = Uri.EscapeDataString(customer);
        var token = Uri.EscapeDataString(oldToken);
        return
        [
            new("GET", "/api/health", "/api/health", 200, null),
            new("GET", "/api/health", "/api/health?padding=" + new string('a', 9000), 414, null),

            new("GET", "/api/customers/{customerId}", $"/api/customers/{id}", 200, FunctionKey),
            new("GET", "/api/customers/{customerId}", $"/api/customers/{id}?code={FunctionKey}", 200, null),
            new("GET", "/api/customers/{customerId}", $"/api/customers/{id}", 304, FunctionKey, IfNoneMatch: eTag),
            new("GET", "/api/customers/{customerId}", $"/api/customers/{id}?include=recommendations", 200, FunctionKey),
            new("GET", "/api/customers/{customerId}", $"/api/customers/{id}?include=bogus", 400, FunctionKey),
            new("GET", "/api/customers/{customerId}", "/api/customers/no-such-customer", 404, FunctionKey),
            new("GET", "/api/customers/{customerId}", "/api/customers/" + new string('7', 300), 400, FunctionKey),
            new("GET", "/api/customers/{customerId}", $"/api/customers/{id}", 401, UnknownKey),

            new("POST", "/api/customers/lookup", "/api/customers/lookup", 200, FunctionKey, JsonBody: $"{{\"ids\":[{JsonSerializer.Serialize(customer)},\"no-such-customer\"]}}"),
            new("POST", "/api/customers/lookup", "/api/customers/lookup", 400, FunctionKey, JsonBody: "{\"ids\":[]}"),
            new("POST", "/api/customers/lookup", "/api/customers/lookup?include=recommendations", 200, FunctionKey, JsonBody: $"{{\"ids\":[{JsonSerializer.Serialize(customer)}]}}"),
            new("POST", "/api/customers/lookup", "/api/customers/lookup?include=bogus", 400, FunctionKey, JsonBody: $"{{\"ids\":[{JsonSerializer.Serialize(customer)}]}}"),
            new("POST", "/api/customers/lookup", "/api/customers/lookup", 401, UnknownKey, JsonBody: "{\"ids\":[\"12662\"]}"),

            new("GET", "/api/segments", "/api/segments", 200, FunctionKey),
            new("GET", "/api/segments", "/api/segments", 401, UnknownKey),

            new("GET", "/api/segments/{name}/customers", $"/api/segments/{name}/customers?pageSize=5", 200, FunctionKey),
            new("GET", "/api/segments/{name}/customers", $"/api/segments/{name}/customers?consent=email", 200, FunctionKey),
            new("GET", "/api/segments/{name}/customers", $"/api/segments/{name}/customers", 200, FunctionKey, Accept: "text/csv"),
            new("GET", "/api/segments/{name}/customers", $"/api/segments/{name}/customers?pageSize=0", 400, FunctionKey),
            new("GET", "/api/segments/{name}/customers", $"/api/segments/{name}/customers?consent=fax", 400, FunctionKey),
            new("GET", "/api/segments/{name}/customers", $"/api/segments/{name}/customers?continuationToken=garbage", 400, FunctionKey),
            new("GET", "/api/segments/{name}/customers", "/api/segments/Lost/customers", 400, FunctionKey),
            new("GET", "/api/segments/{name}/customers", "/api/segments/rfm%3ANoSuchSegment/customers", 404, FunctionKey),
            new("GET", "/api/segments/{name}/customers", "/api/segments/rfm%3ANoSuchSegment/customers", 404, FunctionKey, Accept: "text/csv"),
            new("GET", "/api/segments/{name}/customers", $"/api/segments/{name}/customers?continuationToken={token}", 410, FunctionKey),
            new("GET", "/api/segments/{name}/customers", $"/api/segments/{name}/customers", 401, UnknownKey),

            new("GET", "/api/segments/{name}/changes", $"/api/segments/{name}/changes", 200, FunctionKey),
            new("GET", "/api/segments/{name}/changes", $"/api/segments/{name}/changes?consent=sms&toRun={activeRun}", 200, FunctionKey),
            new("GET", "/api/segments/{name}/changes", $"/api/segments/{name}/changes?consent=fax", 400, FunctionKey),
            new("GET", "/api/segments/{name}/changes", $"/api/segments/{name}/changes?fromRun=no-such-run", 404, FunctionKey),
            new("GET", "/api/segments/{name}/changes", $"/api/segments/{name}/changes?fromRun={oldestRun}", 410, FunctionKey),
            new("GET", "/api/segments/{name}/changes", $"/api/segments/{name}/changes", 401, UnknownKey),

            new("GET", "/api/segments/{name}/history", $"/api/segments/{name}/history", 200, FunctionKey),
            // The behaviour family: members are looked up with their behaviour object (last seen, counts, the cart).
            new("GET", "/api/segments/{name}/customers", "/api/segments/behaviour%3ACart%20Abandoners/customers", 200, FunctionKey),
            new("GET", "/api/segments/{name}/changes", "/api/segments/behaviour%3AProspects/changes", 200, FunctionKey),
            new("GET", "/api/customers/{customerId}", "/api/customers/99901", 200, FunctionKey),
            new("GET", "/api/segments/{name}/history", "/api/segments/Lost/history", 400, FunctionKey),
            new("GET", "/api/segments/{name}/history", "/api/segments/rfm%3ANoSuchSegment/history", 404, FunctionKey),
            new("GET", "/api/segments/{name}/history", $"/api/segments/{name}/history", 401, UnknownKey),

            new("GET", "/api/segments/{name}/profile", $"/api/segments/{name}/profile", 200, FunctionKey),
            new("GET", "/api/segments/{name}/profile", "/api/segments/Lost/profile", 400, FunctionKey),
            new("GET", "/api/segments/{name}/profile", "/api/segments/rfm%3ANoSuchSegment/profile", 404, FunctionKey),
            new("GET", "/api/segments/{name}/profile", $"/api/segments/{name}/profile", 401, UnknownKey),

            new("GET", "/api/segments/{name}/recommendations", $"/api/segments/{name}/recommendations", 200, FunctionKey),
            new("GET", "/api/segments/{name}/recommendations", $"/api/segments/{name}/recommendations", 200, FunctionKey, Accept: "text/csv"),
            new("GET", "/api/segments/{name}/recommendations", "/api/segments/Lost/recommendations", 400, FunctionKey),
            new("GET", "/api/segments/{name}/recommendations", "/api/segments/rfm%3ANoSuchSegment/recommendations", 404, FunctionKey),
            new("GET", "/api/segments/{name}/recommendations", $"/api/segments/{name}/recommendations", 401, UnknownKey),

            new("GET", "/api/customers/{customerId}/recommendations", $"/api/customers/{id}/recommendations", 200, FunctionKey),
            new("GET", "/api/customers/{customerId}/recommendations", $"/api/customers/{id}/recommendations", 200, FunctionKey, Accept: "text/csv"),
            new("GET", "/api/customers/{customerId}/recommendations", "/api/customers/no-such-customer/recommendations", 404, FunctionKey),
            new("GET", "/api/customers/{customerId}/recommendations", "/api/customers/" + new string('7', 300) + "/recommendations", 400, FunctionKey),
            new("GET", "/api/customers/{customerId}/recommendations", $"/api/customers/{id}/recommendations", 401, UnknownKey),

            new("GET", "/api/runs", "/api/runs", 200, FunctionKey),
            new("GET", "/api/runs", "/api/runs?format=csv", 200, FunctionKey),
            new("GET", "/api/runs", "/api/runs?format=xml", 400, FunctionKey),
            new("GET", "/api/runs", "/api/runs", 401, UnknownKey),

            new("GET", "/api/runs/{runId}", $"/api/runs/{activeRun}", 200, FunctionKey),
            new("GET", "/api/runs/{runId}", "/api/runs/no-such-run", 404, FunctionKey),
            new("GET", "/api/runs/{runId}", $"/api/runs/{activeRun}", 401, UnknownKey),

            new("GET", "/api/cohorts", "/api/cohorts", 200, FunctionKey),
            new("GET", "/api/cohorts", "/api/cohorts?format=csv", 200, FunctionKey),
            new("GET", "/api/cohorts", "/api/cohorts?by=country", 200, FunctionKey),
            new("GET", "/api/cohorts", "/api/cohorts?by=shoeSize", 400, FunctionKey),
            new("GET", "/api/cohorts", "/api/cohorts", 401, UnknownKey),

            new("GET", "/api/experiments/{name}/results", "/api/experiments/no-such-experiment/results", 404, FunctionKey),
            new("GET", "/api/experiments/{name}/results", "/api/experiments/winback/results?from=2001-01-01&to=2001-02-01", 400, FunctionKey),
            new("GET", "/api/experiments/{name}/results", "/api/experiments/winback/results?campaignCost=lots", 400, FunctionKey),
            new("GET", "/api/experiments/{name}/results", "/api/experiments/winback/results", 401, UnknownKey),

            new("GET", "/api/batches", "/api/batches", 200, FunctionKey),
            new("GET", "/api/batches", "/api/batches", 401, UnknownKey),
            new("GET", "/api/batches", $"/api/batches?code={UnknownKey}", 401, null),

            new("GET", "/api/dashboard", "/api/dashboard", 200, FunctionKey),
            new("GET", "/api/dashboard", "/api/dashboard", 401, UnknownKey),

            new("POST", "/api/destinations", "/api/destinations", 200, AdminKey, JsonBody: "{\"destinations\":[{\"name\":\"crm\",\"kind\":\"webhook\",\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\",\"segments\":[\"lifecycle:*\"]},{\"name\":\"lists\",\"kind\":\"audiense-files\",\"segments\":[\"rfm:Lost\"]}]}"),
            new("POST", "/api/destinations", "/api/destinations", 401, FunctionKey, JsonBody: "{\"destinations\":[]}"),
            new("GET", "/api/destinations", "/api/destinations", 200, FunctionKey),
            new("GET", "/api/destinations", "/api/destinations", 401, UnknownKey),
            new("GET", "/api/destinations/{name}", "/api/destinations/crm", 200, FunctionKey),
            new("GET", "/api/destinations/{name}", "/api/destinations/no-such-destination", 404, FunctionKey),
            new("GET", "/api/destinations/{name}", "/api/destinations/crm", 401, UnknownKey),
            new("POST", "/api/destinations/{name}/replay", "/api/destinations/crm/replay", 200, AdminKey),
            new("POST", "/api/destinations/{name}/replay", "/api/destinations/no-such-destination/replay", 404, AdminKey),
            new("POST", "/api/destinations/{name}/replay", "/api/destinations/crm/replay", 401, FunctionKey),
            .. TrackingCases(),

            // Last: it queues a run, which changes no answer above.
            new("POST", "/api/runs", "/api/runs", 400, AdminKey, JsonBody: "{\"asOf\":\"not-a-date\"}"),
            new("POST", "/api/runs", "/api/runs", 401, FunctionKey, JsonBody: "{\"asOf\":\"2011-12-10\"}"),
            new("POST", "/api/runs", "/api/runs", 202, AdminKey, JsonBody: "{\"asOf\":\"2011-12-10\"}"),
        ];
    }

    /// <summary>The tracking API: every call accepted, and its refusals (Prism sends none without credentials, so 401 is a wrong key).</summary>
    private static IEnumerable<PrismCase> TrackingCases()
    {
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":"));
        var wrong = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(UnknownKey + ":"));
        const string Batch = "{\"batch\":[{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"12662\",\"properties\":{\"product_id\":\"85123A\",\"price\":2.55}},{\"type\":\"identify\",\"userId\":\"12662\",\"anonymousId\":\"a-1\"}],\"sentAt\":\"2011-12-09T10:00:00Z\"}";
        return
        [
            new("POST", "/api/v1/batch", "/api/v1/batch", 200, null, JsonBody: Batch, Authorization: basic),
            new("POST", "/api/v1/batch", "/api/v1/batch", 401, null, JsonBody: Batch, Authorization: wrong),
            new("POST", "/api/v1/batch", "/api/v1/batch", 400, null, JsonBody: "{\"batch\":[{\"type\":\"track\",\"userId\":\"12662\"}]}", Authorization: basic),
            new("POST", "/api/v1/batch", "/api/v1/batch", 413, null, JsonBody: "{\"batch\":[{\"type\":\"track\",\"event\":\"x\",\"userId\":\"1\",\"properties\":{\"pad\":\"" + new string('x', 33_000) + "\"}}]}", Authorization: basic),
            new("POST", "/api/v1/batch", "/api/v1/batch", 413, null, JsonBody: "{\"batch\":[{\"type\":\"track\",\"event\":\"x\",\"userId\":\"1\",\"properties\":{\"pad\":\"" + new string('x', 520_000) + "\"}}]}", Authorization: basic),
            new("POST", "/api/v1/track", "/api/v1/track", 200, null, JsonBody: "{\"event\":\"Product Added\",\"anonymousId\":\"a-1\",\"properties\":{\"product_id\":\"85123A\",\"price\":2.55}}", Authorization: basic),
            new("POST", "/api/v1/track", "/api/v1/track", 401, null, JsonBody: "{\"event\":\"Product Added\",\"anonymousId\":\"a-1\"}", Authorization: wrong),
            new("POST", "/api/v1/identify", "/api/v1/identify", 200, null, JsonBody: "{\"userId\":\"12662\",\"traits\":{\"plan\":\"gold\"}}", Authorization: basic),
            new("POST", "/api/v1/page", "/api/v1/page", 200, null, JsonBody: "{\"anonymousId\":\"a-1\",\"name\":\"Home\"}", Authorization: basic),
            new("POST", "/api/v1/screen", "/api/v1/screen", 200, null, JsonBody: "{\"anonymousId\":\"a-1\",\"name\":\"Cart\"}", Authorization: basic),
            new("POST", "/api/v1/alias", "/api/v1/alias", 200, null, JsonBody: "{\"previousId\":\"a-1\",\"userId\":\"12662\"}", Authorization: basic),
            new("POST", "/api/v1/group", "/api/v1/group", 200, null, JsonBody: "{\"userId\":\"12662\",\"groupId\":\"g-1\"}", Authorization: basic),
        ];
    }

    /// <summary>Sends each case through Prism and notes every answer that is not the host's documented one.</summary>
    private async Task PassAsync(IEnumerable<PrismCase> cases, List<string> failures, List<PrismCase> sent)
    {
        using var client = new HttpClient { BaseAddress = _prism.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        foreach (var @case in cases)
        {
            Assert.True(Matches(@case.Route, @case.Url), $"case {@case} does not call {@case.Route}");
            sent.Add(@case);
            using var request = new HttpRequestMessage(new HttpMethod(@case.Method), @case.Url.TrimStart('/'));
            if (@case.Key is not null)
            {
                request.Headers.Add("x-functions-key", @case.Key);
            }

            if (@case.Authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", @case.Authorization);
            }

            if (@case.Accept is not null)
            {
                request.Headers.Accept.ParseAdd(@case.Accept);
            }

            if (@case.IfNoneMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", @case.IfNoneMatch);
            }

            if (@case.JsonBody is not null)
            {
                request.Content = new StringContent(@case.JsonBody, Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(' ', values) : null;
            var contentType = response.Content.Headers.ContentType?.MediaType;

            // Prism's own answers (a violation under --errors, a request it refused) are problem+json; the host never answers that.
            if ((int)response.StatusCode != @case.Status || violations is not null || contentType == "application/problem+json")
            {
                failures.Add($"{@case}: got {(int)response.StatusCode} {contentType}"
                    + (violations is null ? string.Empty : $"\n  sl-violations: {violations}")
                    + $"\n  body: {body[..Math.Min(body.Length, 600)]}");
            }
        }
    }

    /// <summary>Every (method, path) pair of the document the host served.</summary>
    private HashSet<(string Method, string Route)> DocumentedOperations()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(_documentPath));
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (operation.Name.ToUpperInvariant(), path.Name)))
            .ToHashSet();
    }

    private static bool Matches(string route, string url)
    {
        var path = url.Split('?')[0];
        var pattern = "^" + TemplateParameter().Replace(Regex.Escape(route).Replace("\\{", "{", StringComparison.Ordinal), "[^/]+") + "$";
        return Regex.IsMatch(path, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    private async Task IngestAsync(string container, string blobName, string file)
    {
        var storage = StorageAccount.Connect(azurite.ConnectionString);
        await using var stream = File.OpenRead(file);
        var blob = await new DropZone(storage, container).UploadAsync(blobName, stream, CancellationToken.None);
        await PollAsync(async () =>
        {
            var batches = await _direct.GetFromJsonAsync<JsonElement>("api/batches");
            return batches.EnumerateArray().Any(b => b.GetProperty("blobName").GetString() == blob.Name && b.GetProperty("status").GetString() == "accepted")
                ? batches
                : (JsonElement?)null;
        }, $"batch {blob.Name}");
    }

    /// <summary>Requests a run as of <paramref name="asOf"/>, waits until it succeeded and is final, returns its id.</summary>
    private async Task<string> RunAsync(string asOf)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/runs") { Content = JsonContent.Create(new { asOf }) };
        request.Headers.Add("x-functions-key", AdminKey);
        using var response = await _direct.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString().TrimStart('/');
        var run = await PollAsync(async () =>
        {
            var run = await _direct.GetFromJsonAsync<JsonElement>(location);
            return run.GetProperty("status").GetString() is "succeeded" or "failed" && run.GetProperty("costUsd").ValueKind != JsonValueKind.Null
                ? run
                : (JsonElement?)null;
        }, $"run as of {asOf}");
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        return run.GetProperty("runId").GetString()!;
    }

    /// <summary>The RFM segment of the active run with the most customers (it spans pages and has changes).</summary>
    private async Task<string> BusiestSegmentAsync()
    {
        var segments = await _direct.GetFromJsonAsync<JsonElement>("api/segments");
        return segments.GetProperty("segments").EnumerateArray().MaxBy(s => s.GetProperty("customers").GetInt32()).GetProperty("id").GetString()!;
    }

    private async Task<string> ContinuationTokenAsync(string segment)
    {
        var page = await _direct.GetFromJsonAsync<JsonElement>($"api/segments/{Uri.EscapeDataString(segment)}/customers?pageSize=1");
        return page.GetProperty("continuationToken").GetString() ?? throw new InvalidOperationException($"{segment} has one customer only: no second page");
    }

    /// <summary>Waits until the run the token pages through is no longer kept (cleanup follows the newest run's flip).</summary>
    private Task WaitUntilGoneAsync(string segment, string token) =>
        PollAsync(async () =>
        {
            using var response = await _direct.GetAsync($"api/segments/{Uri.EscapeDataString(segment)}/customers?continuationToken={Uri.EscapeDataString(token)}");
            return response.StatusCode == HttpStatusCode.Gone ? default(JsonElement) : (JsonElement?)null;
        }, "the oldest run's rows to be dropped");

    private async Task<string> FirstCustomerAsync(string segment)
    {
        var page = await _direct.GetFromJsonAsync<JsonElement>($"api/segments/{Uri.EscapeDataString(segment)}/customers?pageSize=1");
        return page.GetProperty("customers")[0].GetProperty("customerId").GetString()!;
    }

    private async Task<string> ETagAsync(string customer)
    {
        using var response = await _direct.GetAsync($"api/customers/{Uri.EscapeDataString(customer)}");
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!.ToString();
    }

    private async Task<JsonElement> PollAsync(Func<Task<JsonElement?>> probe, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Gave up waiting for {what} after {Patience.TotalSeconds} s. Host output:\n{_host.Output}");
    }

    [GeneratedRegex("\\{[^/}]+\\}")]
    private static partial Regex TemplateParameter();
}
