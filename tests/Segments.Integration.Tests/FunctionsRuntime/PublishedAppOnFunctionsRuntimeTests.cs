using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Pipeline.Api;
using Segments.Storage.Account;
using Segments.Storage.Blobs;
using Xunit.Abstractions;

namespace Segments.Integration.Tests.FunctionsRuntime;

/// <summary>
/// The published app on the real Azure Functions runtime, used as a shop and a marketing tool use it: exports
/// delivered by Event Grid notifications, runs from the admin API and the timer, reads with function keys; then
/// the same data through the local host, which must answer the same.
/// </summary>
[Collection(FunctionsRuntimeCollection.Name)]
public sealed class PublishedAppOnFunctionsRuntimeTests(PublishedFunctionsApp app, AzuriteFixture azurite, ITestOutputHelper output)
{
    // The sample's orders end on 2011-12-09 and the timer runs as of today, which a run refuses by default (more than
    // Segments:MaxAsOfDaysAfterLatestOrder, 366 days, after the latest order). Both hosts allow it here, so that the
    // timer's run goes the whole way through the queue to a generation, as a daily run on current data does.
    private const string TimerRunsOnOldData = "100000";

    private const string AsOf = "2011-12-10";

    // Yearly, so that the next occurrence is far from today: a manual trigger must not stand for it.
    private const string Schedule = "0 0 2 1 1 *";
    private const string PageTokenKey = "functions-runtime-test-paging-key";
    private const string LocalAdminKey = "local-admin-key";
    private const string LocalFunctionKey = "local-function-key";
    private const string WriteKey = "functions-runtime-write-key";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [FunctionsRuntimeFact]
    public async Task Published_app_on_the_functions_runtime_ingests_runs_and_answers_as_the_local_host_does()
    {
        var clock = Stopwatch.StartNew();
        await azurite.ResetAsync();
        await using var runtime = await FunctionsHostProcess.StartAsync(app.Folder, WriteRuntimeSettings(), azurite.ConnectionString, app.Scratch);
        output.WriteLine($"publish {app.PublishDuration.TotalSeconds:F1} s (once per collection); runtime answered /api/health {runtime.StartDuration.TotalSeconds:F1} s after its start");
        using var reader = runtime.CreateClient(runtime.FunctionKey);
        using var admin = runtime.CreateClient(runtime.MasterKey);
        using var anonymous = runtime.CreateClient(key: null);

        // The shop's exports land in storage, as the shop's export job creates them, and Event Grid tells the app.
        var storage = StorageAccount.Connect(azurite.ConnectionString);
        var orders = await UploadAsync(storage, StorageNames.TransactionsContainer, RepositoryPaths.Sample);
        Assert.Equal(HttpStatusCode.Accepted, await runtime.DeliverBlobCreatedAsync("IngestBatch", BlobUri(storage, StorageNames.TransactionsContainer, orders)));
        var ordersBatch = await WaitForBatchAsync(reader, orders, () => runtime.Output);
        Assert.Equal("transactions", ordersBatch.GetProperty("kind").GetString());
        Assert.Equal("accepted", ordersBatch.GetProperty("status").GetString());
        Assert.Equal(14189, ordersBatch.GetProperty("rowsAccepted").GetInt32());

        var customers = await UploadAsync(storage, StorageNames.CustomersContainer, RepositoryPaths.CustomersSample);
        Assert.Equal(HttpStatusCode.Accepted, await runtime.DeliverBlobCreatedAsync("IngestProfiles", BlobUri(storage, StorageNames.CustomersContainer, customers)));
        var customersBatch = await WaitForBatchAsync(reader, customers, () => runtime.Output);
        Assert.Equal("profiles", customersBatch.GetProperty("kind").GetString());
        Assert.Equal("accepted", customersBatch.GetProperty("status").GetString());

        // The timer, fired by hand through the admin API, queues a run as of today (not of its next occurrence).
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using (var fire = await admin.PostAsync("admin/functions/RecomputeSegments", new StringContent("{}", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Accepted, fire.StatusCode);
        }

        var timerRun = await WaitForRunAsync(reader, r => r.GetProperty("trigger").GetString() == "timer", () => runtime.Output);
        var timerAsOf = timerRun.GetProperty("asOf").GetString()!;
        Assert.Contains(DateOnly.ParseExact(timerAsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture), new[] { today, DateOnly.FromDateTime(DateTime.UtcNow) });

        // A run as of a date is the admin's: a function key is refused, the master key queues it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.PostAsJsonAsync("api/runs", new { asOf = AsOf })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("api/runs", new { asOf = AsOf })).StatusCode);
        var runId = await RequestRunAsync(admin, AsOf);
        var run = await WaitForRunAsync(reader, r => r.GetProperty("runId").GetString() == runId, () => runtime.Output);
        Assert.Equal(AsOf, run.GetProperty("asOf").GetString());
        Assert.Equal(147, run.GetProperty("customersScored").GetInt32());
        Assert.Equal(1, run.GetProperty("profiles").GetProperty("batchesRead").GetInt32());

        await ReadsAsAMarketingToolAsync(reader, anonymous, runId);
        await TracksAsASegmentSdkAsync(anonymous, storage);

        // Each step went through the runtime's own trigger, not a shortcut: the Event Grid blob source, the run
        // queue, the timer with its schedule read from the app setting Segments:Schedule.
        foreach (var function in new[] { "IngestBatch", "IngestProfiles", "RecomputeSegments", "ExecuteRun", "RequestRun", "GetCustomer", "TrackBatch" })
        {
            Assert.True(runtime.Logged($"Executed 'Functions.{function}' (Succeeded"), $"the runtime logged no successful {function}:\n{runtime.Output}");
        }

        foreach (var trigger in new[]
        {
            "New blob detected(EventGrid): transactions/online-retail-sample.csv",
            "New blob detected(EventGrid): customers/customers-sample.csv",
            "New queue message detected on 'recompute-requests'",
            $"The next 5 occurrences of the 'RecomputeSegments' schedule (Cron: '{Schedule}')",
        })
        {
            Assert.True(runtime.Logged(trigger), $"the runtime never logged \"{trigger}\":\n{runtime.Output}");
        }

        output.WriteLine($"walkthrough on the runtime: {clock.Elapsed.TotalSeconds:F1} s");
        await AnswersAsTheLocalHostDoesAsync(reader, runId, timerAsOf);
        output.WriteLine($"whole test, local host comparison included: {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task ReadsAsAMarketingToolAsync(HttpClient reader, HttpClient anonymous, string runId)
    {
        using var health = await anonymous.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        using var customer = await reader.GetAsync("api/customers/12662");
        Assert.Equal(HttpStatusCode.OK, customer.StatusCode);
        Assert.Equal("application/json", customer.Content.Headers.ContentType?.MediaType);
        Assert.Equal("private, max-age=0", customer.Headers.NonValidated["Cache-Control"].ToString());
        var lookup = await customer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(runId, lookup.GetProperty("runId").GetString());
        Assert.Equal("Champions", lookup.GetProperty("rfm").GetProperty("segment").GetString());
        using (var again = new HttpRequestMessage(HttpMethod.Get, "api/customers/12662"))
        {
            again.Headers.IfNoneMatch.Add(customer.Headers.ETag!);
            using var notModified = await reader.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }

        using var many = await reader.PostAsJsonAsync("api/customers/lookup", new { ids = new[] { "12662", "no-such-customer" } });
        var manyBody = await many.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, manyBody.GetProperty("found").GetInt32());

        var segments = await reader.GetFromJsonAsync<JsonElement>("api/segments");
        var champions = segments.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "rfm:Champions").GetProperty("customers").GetInt32();
        Assert.True(champions > 10, $"rfm:Champions has {champions} customers");

        var first = await reader.GetFromJsonAsync<JsonElement>("api/segments/rfm:Champions/customers?pageSize=5");
        var token = first.GetProperty("continuationToken").GetString()!;
        var second = await reader.GetFromJsonAsync<JsonElement>($"api/segments/rfm:Champions/customers?pageSize=5&continuationToken={Uri.EscapeDataString(token)}");
        var paged = first.GetProperty("customers").EnumerateArray().Concat(second.GetProperty("customers").EnumerateArray()).Select(c => c.GetProperty("customerId").GetString()).ToList();
        Assert.Equal(10, paged.Distinct().Count());

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, "api/segments/rfm:Champions/customers");
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await reader.SendAsync(csvRequest);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', SegmentCsv.Header), lines[0].TrimEnd('\r'));
        Assert.Equal(champions, lines.Length - 1);

        using var dashboard = await reader.GetAsync("api/dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("text/html", dashboard.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Champions", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var path in new[] { "api/customers/12662", "api/segments", "api/segments/rfm:Champions/customers", "api/runs", "api/batches", "api/dashboard" })
        {
            using var refused = await anonymous.GetAsync(path);
            Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"GET {path} without a key answered {(int)refused.StatusCode}");
        }
    }

    /// <summary>
    /// The tracking API on the runtime: anonymous to it, so the app's own write-key check decides (HTTP Basic, as
    /// Segment's SDKs send it); an accepted batch is one blob in the events container, a wrong key stores nothing.
    /// </summary>
    private static async Task TracksAsASegmentSdkAsync(HttpClient anonymous, StorageAccount storage)
    {
        const string Batch = """{"batch":[{"type":"track","event":"Product Added","userId":"12662","timestamp":"2011-12-08T10:00:00Z","properties":{"product_id":"85123A","price":2.55}},{"type":"identify","userId":"12662","anonymousId":"anon-1"}]}""";
        foreach (var (key, expected) in new[] { ("not-the-write-key", HttpStatusCode.Unauthorized), (WriteKey, HttpStatusCode.OK) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/batch") { Content = new StringContent(Batch, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
            using var response = await anonymous.SendAsync(request);
            Assert.Equal(expected, response.StatusCode);
        }

        var stored = new List<string>();
        await foreach (var blob in storage.Blobs.GetBlobContainerClient(StorageNames.EventsContainer).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, TrackedEventsStore.Prefix, CancellationToken.None))
        {
            stored.Add(blob.Name);
        }

        var text = (await storage.Blobs.GetBlobContainerClient(StorageNames.EventsContainer).GetBlobClient(Assert.Single(stored)).DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal(2, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"event\":\"Product Added\"", text, StringComparison.Ordinal);
    }

    /// <summary>The local host over a fresh Azurite with the same exports and runs: the same answers, volatile fields excepted.</summary>
    private async Task AnswersAsTheLocalHostDoesAsync(HttpClient runtimeReader, string runtimeRunId, string timerAsOf)
    {
        var localAzurite = new AzuriteFixture();
        await localAzurite.InitializeAsync();
        try
        {
            await using var localHost = await HostProcess.StartAsync(
                new Dictionary<string, string>
                {
                    ["AzureWebJobsStorage"] = localAzurite.ConnectionString,
                    ["Segments__AdminKey"] = LocalAdminKey,
                    ["Segments__FunctionKey"] = LocalFunctionKey,
                    ["Segments__PageTokenKey"] = PageTokenKey,
                    ["Segments__Schedule"] = Schedule,
                    ["Segments__ActiveRunCacheSeconds"] = "0",
                    ["Segments__PollIntervalSeconds"] = "1",
                    ["Segments__HostId"] = "segments-local-parity",
                    ["Segments__MaxAsOfDaysAfterLatestOrder"] = TimerRunsOnOldData,
                },
                "api/runs",
                LocalFunctionKey);
            using var localReader = localHost.CreateClient(LocalFunctionKey);
            using var localAdmin = localHost.CreateClient(LocalAdminKey);

            var storage = StorageAccount.Connect(localAzurite.ConnectionString);
            await WaitForBatchAsync(localReader, await UploadAsync(storage, StorageNames.TransactionsContainer, RepositoryPaths.Sample), () => localHost.Output);
            await WaitForBatchAsync(localReader, await UploadAsync(storage, StorageNames.CustomersContainer, RepositoryPaths.CustomersSample), () => localHost.Output);

            // The runtime's runs in the same order: the timer's day, then the requested date (the active one).
            var earlier = await RequestRunAsync(localAdmin, timerAsOf);
            await WaitForRunAsync(localReader, r => r.GetProperty("runId").GetString() == earlier, () => localHost.Output);
            var localRunId = await RequestRunAsync(localAdmin, AsOf);
            await WaitForRunAsync(localReader, r => r.GetProperty("runId").GetString() == localRunId, () => localHost.Output);

            var requests = new List<(string Method, string Path, string? Body, string? Accept)>
            {
                ("GET", "api/customers/12662", null, null),
                ("GET", "api/customers/12346", null, null),
                ("GET", "api/customers/no-such-customer", null, null),
                ("POST", "api/customers/lookup", """{"ids":["12662","12346","13047","no-such-customer"]}""", null),
                ("POST", "api/customers/lookup", """{"ids":[]}""", null),
                ("GET", "api/segments", null, null),
                ("GET", "api/segments/rfm:Champions/customers?pageSize=20", null, null),
                ("GET", "api/segments/rfm:Champions/customers?consent=email", null, null),
                ("GET", "api/segments/rfm:Champions/customers?pageSize=0", null, null),
                ("GET", "api/segments/rfm:Champions/customers?consent=fax", null, null),
                ("GET", "api/segments/rfm:Champions/customers", null, "text/csv"),
                ("GET", "api/segments/lifecycle:Active/customers?consent=email", null, "text/csv"),
                ("GET", "api/segments/Lost/customers", null, null),
                ("GET", "api/segments/rfm:Champions/changes", null, null),
                ("GET", "api/segments/rfm:At%20Risk/changes?consent=sms", null, null),
                ("GET", "api/segments/rfm:Champions/history", null, null),
                ("GET", "api/segments/rfm:Champions/profile", null, null),
                ("GET", "api/segments/no-such-segment/profile", null, null),
                ("GET", "api/runs/no-such-run", null, null),
                ("GET", "api/batches", null, null),
            };
            var differences = new List<string>();
            foreach (var (method, path, body, accept) in requests)
            {
                Compare($"{method} {path}{(accept is null ? string.Empty : $" ({accept})")}",
                    await AskAsync(localReader, method, path, body, accept),
                    await AskAsync(runtimeReader, method, path, body, accept),
                    differences);
            }

            Compare(
                "GET api/runs/{runId}",
                await AskAsync(localReader, "GET", $"api/runs/{localRunId}", null, null),
                await AskAsync(runtimeReader, "GET", $"api/runs/{runtimeRunId}", null, null),
                differences);

            Assert.True(differences.Count == 0, $"the runtime and the local host differ on {differences.Count} of {requests.Count + 1} requests:\n{string.Join("\n\n", differences)}");
        }
        finally
        {
            await localAzurite.DisposeAsync();
        }
    }

    private static void Compare(string request, ComparableAnswer local, ComparableAnswer runtime, List<string> differences)
    {
        if (local != runtime)
        {
            differences.Add($"{request}\n  local host: {local}\n  runtime:    {runtime}");
        }
    }

    private static async Task<ComparableAnswer> AskAsync(HttpClient client, string method, string path, string? body, string? accept)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await client.SendAsync(request);
        return await ComparableAnswer.ReadAsync(response);
    }

    private string WriteRuntimeSettings()
    {
        var path = Path.Combine(app.Scratch, "runtime.settings.json");
        var values = new Dictionary<string, string>
        {
            ["Segments__Schedule"] = Schedule,
            ["Segments__HostId"] = "segments-functions-runtime-test",
            ["Segments__PageTokenKey"] = PageTokenKey,
            ["Segments__ActiveRunCacheSeconds"] = "0",
            ["Segments__MaxAsOfDaysAfterLatestOrder"] = TimerRunsOnOldData,
            ["Segments__WriteKeys__site"] = WriteKey,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        return path;
    }

    private static async Task<DroppedBlob> UploadAsync(StorageAccount storage, string container, string file)
    {
        // The uploader makes sure the containers, tables and queues exist, as `segments upload` does, so that an upload
        // does not depend on which host started first (at main 16ced77 the adapter did not create them itself).
        await storage.EnsureReadyAsync(CancellationToken.None);
        await using var content = File.OpenRead(file);
        return await new DropZone(storage, container).UploadAsync(Path.GetFileName(file), content, CancellationToken.None);
    }

    private static Uri BlobUri(StorageAccount storage, string container, DroppedBlob blob) =>
        storage.Blobs.GetBlobContainerClient(container).GetBlobClient(blob.Name).Uri;

    private static async Task<string> RequestRunAsync(HttpClient admin, string asOf)
    {
        using var response = await admin.PostAsJsonAsync("api/runs", new { asOf });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
    }

    private static Task<JsonElement> WaitForBatchAsync(HttpClient reader, DroppedBlob blob, Func<string> hostOutput) =>
        PollAsync(
            async () => (await reader.GetFromJsonAsync<JsonElement>("api/batches")).EnumerateArray()
                .Where(batch => batch.GetProperty("blobName").GetString() == blob.Name && batch.GetProperty("eTag").GetString() == blob.ETag)
                .Where(batch => batch.GetProperty("status").GetString() is "accepted" or "duplicate" or "rejected" or "poison")
                .Select(batch => (JsonElement?)batch)
                .FirstOrDefault(),
            $"batch {blob.Name}",
            hostOutput);

    private static async Task<JsonElement> WaitForRunAsync(HttpClient reader, Func<JsonElement, bool> isTheRun, Func<string> hostOutput)
    {
        var run = await PollAsync(
            async () => (await reader.GetFromJsonAsync<JsonElement>("api/runs")).EnumerateArray()
                .Where(candidate => isTheRun(candidate) && candidate.GetProperty("status").GetString() is "succeeded" or "failed")
                .Select(candidate => (JsonElement?)candidate)
                .FirstOrDefault(),
            "a finished run",
            hostOutput);
        Assert.True(run.GetProperty("status").GetString() == "succeeded", $"the run failed: {run}");
        return run;
    }

    private static async Task<JsonElement> PollAsync(Func<Task<JsonElement?>> probe, string what, Func<string> hostOutput)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"no {what} within {Patience.TotalSeconds} s:\n{hostOutput()}");
    }
}
