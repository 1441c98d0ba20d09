using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Segments.Integration.Tests.Faults;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Xunit.Abstractions;

namespace Segments.Integration.Tests.Delivery;

/// <summary>
/// Deliveries to a real loopback receiver (node, npm <c>standardwebhooks</c> + <c>cloudevents</c>) from a host process,
/// across two runs of the sample with customer exports and an A/B experiment: whatever the receiver does (fails its first
/// calls, hangs, is down for a whole run), every move of the run that the destination should get arrives exactly once per
/// <c>webhook-id</c>, signed and parseable, and no control-group or non-consenting customer is ever sent.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class WebhookDeliveryTests(RestartableAzuriteFixture storage, ITestOutputHelper output) : IClassFixture<RestartableAzuriteFixture>, IAsyncLifetime
{
    private const string FirstAsOf = "2011-09-01";

    private static readonly Dictionary<string, string> HostSettings = new()
    {
        ["Segments__Experiments__HashKey"] = "delivery-tests-experiment-key",
        ["Segments__Delivery__MaxAttempts"] = "6",
        ["Segments__Delivery__FirstRetryDelayMs"] = "200",
        ["Segments__Delivery__AttemptTimeoutSeconds"] = "2",
    };

    /// <summary>Each test starts from an empty account: runs, deliveries and configuration of another test would be counted.</summary>
    public Task InitializeAsync() => storage.ResetAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_receiver_failing_and_hanging_on_its_first_calls_gets_every_move_once_and_never_control_or_unconsented_customers()
    {
        await using var receiver = await WebhookReceiver.StartAsync(new Dictionary<string, string> { ["HANG_FIRST"] = "1", ["FAIL_FIRST"] = "3" });
        await using var host = await FaultHost.StartAsync(storage.ConnectionString, HostSettings);
        var (fromRun, toRun) = await TwoRunsAsync(host, receiver.Url);

        var expected = await ExpectedMoves.OfFamilyAsync(host.Http, "lifecycle", fromRun, toRun);
        var wanted = expected.Where(m => m.Email && m.Group != "control").Select(m => (m.Segment, m.CustomerId, m.Move)).ToList();
        var state = await WaitForDeliveriesAsync(host, receiver, wanted.Count);
        var received = WebhookReceiver.Events(state);

        output.WriteLine($"moves of lifecycle:* between {fromRun} and {toRun}: {expected.Count}; to send (e-mail consent, not control): {wanted.Count}; "
            + $"held back: {expected.Count(m => m.Group == "control")} control-group, {expected.Count(m => !m.Email)} without e-mail consent");
        output.WriteLine($"receiver: {state.GetProperty("requests").GetInt32()} requests ({state.GetProperty("hung").GetInt32()} hung, {state.GetProperty("failedOnPurpose").GetInt32()} answered 503), "
            + $"{state.GetProperty("accepted").GetArrayLength()} webhook-ids accepted carrying {received.Count} events, {state.GetProperty("redeliveries").GetInt32()} redeliveries of an accepted id, {state.GetProperty("rejected").GetArrayLength()} rejected signatures/parses");

        Assert.Empty(state.GetProperty("rejected").EnumerateArray());
        Assert.True(wanted.Count > 0 && expected.Any(m => m.Group == "control") && expected.Any(m => !m.Email), "the data must have moves to send and moves to hold back");
        Assert.Equal(wanted.Order(), received.Select(e => (e.Segment, e.CustomerId, e.Move)).Order());
        Assert.All(received, e => Assert.Equal(e.Move == "entered" ? "segments.customer.entered" : "segments.customer.exited", e.Type));
        Assert.True(state.GetProperty("hung").GetInt32() == 1 && state.GetProperty("failedOnPurpose").GetInt32() == 3);
        await AssertAllSentAsync(host, state.GetProperty("accepted").GetArrayLength());
        await AssertDeliveryCostIsTheSumOfItsRowsAsync(host, toRun);
        var dashboard = await host.Http.GetStringAsync("api/dashboard");
        Assert.Contains($"<tr class=\"delivery\" data-run=\"{toRun}\" data-destination=\"crm\"><td>{toRun}</td><td>crm</td><td class=\"num\">{wanted.Count}</td>", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receiver_down_for_a_whole_run_gets_its_dead_letters_once_on_replay()
    {
        var port = LoopbackPort.Free();
        await using var host = await FaultHost.StartAsync(storage.ConnectionString, HostSettings);
        var (fromRun, toRun) = await TwoRunsAsync(host, $"http://127.0.0.1:{port}/hook");
        var expected = await ExpectedMoves.OfFamilyAsync(host.Http, "lifecycle", fromRun, toRun);
        var wanted = expected.Where(m => m.Email && m.Group != "control").Select(m => (m.Segment, m.CustomerId, m.Move)).ToList();

        JsonElement detail = default;
        await Eventually.TrueAsync(async () =>
        {
            detail = await host.Http.GetFromJsonAsync<JsonElement>("api/destinations/crm");
            var d = detail.GetProperty("destination");
            return d.GetProperty("deadLettered").GetInt32() > 0 && d.GetProperty("pending").GetInt32() == 0;
        }, "every delivery dead-lettered while the receiver is down");
        var deadLetters = detail.GetProperty("deadLetters").EnumerateArray().ToList();
        Assert.All(deadLetters, d => Assert.Contains("HttpRequestException", d.GetProperty("error").GetString(), StringComparison.Ordinal));
        Assert.All(deadLetters, d => Assert.Equal(6, d.GetProperty("attempts").GetInt32()));

        await using var receiver = await WebhookReceiver.StartAsync(port: port);
        using (var replay = new HttpRequestMessage(HttpMethod.Post, "api/destinations/crm/replay"))
        {
            replay.Headers.Add("x-functions-key", FaultHost.AdminKey);
            var answer = await host.Http.SendAsync(replay);
            Assert.Equal(deadLetters.Count, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requeued").GetInt32());
        }

        var state = await WaitForDeliveriesAsync(host, receiver, wanted.Count);
        var received = WebhookReceiver.Events(state);
        output.WriteLine($"receiver down for run {toRun}: {deadLetters.Count} deliveries dead-lettered after 6 attempts each; after replay {state.GetProperty("accepted").GetArrayLength()} webhook-ids accepted carrying {received.Count} events (expected {wanted.Count})");
        Assert.Empty(state.GetProperty("rejected").EnumerateArray());
        Assert.Equal(wanted.Order(), received.Select(e => (e.Segment, e.CustomerId, e.Move)).Order());
        Assert.Equal(deadLetters.Select(d => d.GetProperty("webhookId").GetString()).Order(), state.GetProperty("accepted").EnumerateArray().Select(a => a.GetProperty("webhookId").GetString()).Order());
        await AssertAllSentAsync(host, deadLetters.Count);
    }

    [Fact]
    public async Task A_host_killed_mid_delivery_resends_on_restart_with_the_same_webhook_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync(new Dictionary<string, string> { ["HANG_FIRST"] = "1" });

        // One long attempt, so the host is still waiting on the hung request when it is killed.
        var patient = new Dictionary<string, string>(HostSettings) { ["Segments__Delivery__MaxAttempts"] = "1", ["Segments__Delivery__AttemptTimeoutSeconds"] = "15" };
        var first = await FaultHost.StartAsync(storage.ConnectionString, patient);
        var (fromRun, toRun) = await TwoRunsAsync(first, receiver.Url);
        await Eventually.TrueAsync(async () => (await receiver.StateAsync()).GetProperty("hung").GetInt32() == 1, "the first delivery to be in flight");
        await first.KillAsync();
        var hungId = (await receiver.StateAsync()).GetProperty("hungIds")[0].GetString();

        await using var second = await FaultHost.StartAsync(storage.ConnectionString, HostSettings);
        var expected = await ExpectedMoves.OfFamilyAsync(second.Http, "lifecycle", fromRun, toRun);
        var wanted = expected.Where(m => m.Email && m.Group != "control").Select(m => (m.Segment, m.CustomerId, m.Move)).ToList();
        var state = await WaitForDeliveriesAsync(second, receiver, wanted.Count);
        var received = WebhookReceiver.Events(state);
        var accepted = state.GetProperty("accepted").EnumerateArray().Select(a => a.GetProperty("webhookId").GetString()).ToList();

        output.WriteLine($"host killed while {hungId} was in flight; after the restart the receiver accepted {accepted.Count} webhook-ids carrying {received.Count} events (expected {wanted.Count}), {state.GetProperty("requests").GetInt32()} requests in all");
        Assert.Contains(hungId, accepted);
        Assert.Empty(state.GetProperty("rejected").EnumerateArray());
        Assert.Equal(wanted.Order(), received.Select(e => (e.Segment, e.CustomerId, e.Move)).Order());
        await AssertAllSentAsync(second, accepted.Count);
    }

    [Fact]
    public async Task A_receiver_answering_410_pauses_its_destination_and_bad_destinations_are_reported_while_the_rest_apply()
    {
        await using var receiver = await WebhookReceiver.StartAsync(new Dictionary<string, string> { ["GONE"] = "1" });
        await using var host = await FaultHost.StartAsync(storage.ConnectionString, HostSettings);
        var (_, toRun) = await TwoRunsAsync(host, receiver.Url, """
            ,{"name":"typo","kind":"webhook","url":"not a url","secret":"whsec_short","segments":["lifecycle:*"]}
            ,{"name":"ghost","kind":"webhook","url":"http://127.0.0.1:9/hook","secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw","segments":["rule:No Such Rule"]}
            """, expectedErrors: 2);

        JsonElement crm = default;
        await Eventually.TrueAsync(async () =>
        {
            crm = (await host.Http.GetFromJsonAsync<JsonElement>("api/destinations/crm")).GetProperty("destination");
            return crm.GetProperty("paused").GetBoolean();
        }, "the destination to be paused");
        var requestsAtPause = (await receiver.StateAsync()).GetProperty("gone").GetInt32();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var list = await host.Http.GetFromJsonAsync<JsonElement>("api/destinations");
        var ghost = list.GetProperty("destinations").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "ghost");
        crm = (await host.Http.GetFromJsonAsync<JsonElement>("api/destinations/crm")).GetProperty("destination");
        var state = await receiver.StateAsync();

        output.WriteLine($"run {toRun}: 410 to {state.GetProperty("gone").GetInt32()} requests; crm paused ({crm.GetProperty("pausedReason").GetString()}), {crm.GetProperty("pending").GetInt32()} deliveries held; errors: {string.Join(" | ", list.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString() + ": " + e.GetProperty("message").GetString()))}");
        Assert.Equal(requestsAtPause, state.GetProperty("gone").GetInt32());
        Assert.True(state.GetProperty("gone").GetInt32() <= crm.GetProperty("pending").GetInt32(), "each delivery is tried at most once after a 410");
        Assert.Equal(0, crm.GetProperty("deadLettered").GetInt32());
        Assert.StartsWith("HTTP 410", crm.GetProperty("pausedReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(["$.destinations[1].url", "$.destinations[1].secret"], list.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()));
        Assert.DoesNotContain("whsec_short", list.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["rule:No Such Rule"], ghost.GetProperty("unknownSegments").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, ghost.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public async Task Audience_files_hold_everyone_on_the_first_run_then_the_adds_and_removes_changes_reports()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await FaultHost.StartAsync(storage.ConnectionString, HostSettings);
        var (fromRun, toRun) = await TwoRunsAsync(host, receiver.Url, """,{"name":"lists","kind":"audience-files","segments":["lifecycle:At Risk"]}""");
        var audiences = new BlobServiceClient(storage.ConnectionString).GetBlobContainerClient(StorageNames.AudiencesContainer);
        async Task<string> ReadAsync(string name) => (await audiences.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString();
        static string[] Rows(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r')).ToArray();

        using var first = JsonDocument.Parse(await ReadAsync($"lists/{fromRun}/manifest.json"));
        using var second = JsonDocument.Parse(await ReadAsync($"lists/{toRun}/manifest.json"));
        var firstEntry = first.RootElement.GetProperty("segments").EnumerateArray().Single();
        var secondEntry = second.RootElement.GetProperty("segments").EnumerateArray().Single();
        var firstMembers = Rows(await ReadAsync(firstEntry.GetProperty("membersFile").GetString()!));
        var firstDelta = Rows(await ReadAsync(firstEntry.GetProperty("deltaFile").GetString()!));
        var secondDelta = Rows(await ReadAsync(secondEntry.GetProperty("deltaFile").GetString()!));
        var expected = (await ExpectedMoves.OfFamilyAsync(host.Http, "lifecycle", fromRun, toRun)).Where(m => m.Segment == "lifecycle:At Risk" && m.Group != "control").ToList();

        output.WriteLine($"lists: run {fromRun} {firstMembers.Length} members, all added; run {toRun} {secondEntry.GetProperty("members").GetInt32()} members, {secondEntry.GetProperty("added").GetInt32()} added, {secondEntry.GetProperty("removed").GetInt32()} removed");
        Assert.Equal(JsonValueKind.Null, first.RootElement.GetProperty("previousRunId").ValueKind);
        Assert.Equal(fromRun, second.RootElement.GetProperty("previousRunId").GetString());
        Assert.NotEmpty(firstMembers);
        Assert.Equal(firstMembers.Select(m => "add," + m).Order(), firstDelta.Order());
        Assert.Equal(
            expected.Select(m => (m.Move == "entered" ? "add," : "remove,") + m.CustomerId + ",").Order(),
            secondDelta.Order());
    }

    [Fact]
    public async Task A_destination_following_the_behaviour_family_gets_the_moves_of_cart_and_browse_abandoners_and_prospects()
    {
        await using var receiver = await WebhookReceiver.StartAsync(new Dictionary<string, string>());
        await using var host = await FaultHost.StartAsync(storage.ConnectionString, HostSettings);
        await using (var events = File.OpenRead(RepositoryPaths.EventsSample))
        {
            await new BlobServiceClient(storage.ConnectionString).GetBlobContainerClient(StorageNames.EventsContainer).GetBlobClient("events-sample.jsonl").UploadAsync(events, overwrite: true);
        }

        await Eventually.TrueAsync(async () => (await host.Http.GetFromJsonAsync<JsonElement>("api/batches")).EnumerateArray().Any(b => b.GetProperty("kind").GetString() == "events" && b.GetProperty("status").GetString() == "accepted"));
        var (fromRun, toRun) = await TwoRunsAsync(host, receiver.Url, segments: "behaviour:*", consent: "none");

        var expected = await ExpectedMoves.OfFamilyAsync(host.Http, "behaviour", fromRun, toRun);
        var state = await WaitForDeliveriesAsync(host, receiver, expected.Count);
        var received = WebhookReceiver.Events(state);

        output.WriteLine($"moves of behaviour:* between {fromRun} and {toRun}: {expected.Count} ({string.Join(", ", expected.GroupBy(m => m.Segment).Select(g => $"{g.Key} {g.Count()}"))}); received {received.Count}");
        Assert.Empty(state.GetProperty("rejected").EnumerateArray());
        Assert.Equal(
            ["behaviour:Browse Abandoners", "behaviour:Cart Abandoners", "behaviour:Prospects"],
            expected.Select(m => m.Segment).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(expected.Select(m => (m.Segment, m.CustomerId, m.Move)).Order(), received.Select(e => (e.Segment, e.CustomerId, e.Move)).Order());
    }

    /// <summary>Loads the sample, its customers and an experiment, configures the destination and runs twice; returns the two run ids.</summary>
    private async Task<(string FromRun, string ToRun)> TwoRunsAsync(FaultHost host, string url, string moreDestinations = "", int expectedErrors = 0, string segments = "lifecycle:*", string consent = "email")
    {
        var account = new BlobServiceClient(storage.ConnectionString);
        await account.GetBlobContainerClient(StorageNames.ConfigContainer).GetBlobClient("experiments.json")
            .UploadAsync(BinaryData.FromString("""{"experiments":[{"name":"winback","segment":"lifecycle:At Risk","controlShare":0.3},{"name":"welcome","segment":"lifecycle:Active","controlShare":0.3}]}"""), overwrite: true);
        await using (var customers = File.OpenRead(RepositoryPaths.CustomersSample))
        {
            await account.GetBlobContainerClient(StorageNames.CustomersContainer).GetBlobClient("customers.csv").UploadAsync(customers, overwrite: true);
        }

        await FaultData.UploadSampleAsync(storage.ConnectionString, "sample.csv");
        await host.WaitForBatchAsync("sample.csv");
        using (var set = new HttpRequestMessage(HttpMethod.Post, "api/destinations"))
        {
            set.Headers.Add("x-functions-key", FaultHost.AdminKey);
            set.Content = new StringContent($$"""{"destinations":[{"name":"crm","kind":"webhook","url":"{{url}}","secret":"{{WebhookReceiver.Secret}}","segments":["{{segments}}"],"consent":"{{consent}}","batchSize":25}{{moreDestinations}}]}""", Encoding.UTF8, "application/json");
            var answer = await host.Http.SendAsync(set);
            Assert.Equal(expectedErrors, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetArrayLength());
        }

        // Customer exports are ingested by the same trigger; give it time to take them before the runs.
        await Eventually.TrueAsync(async () => (await host.Http.GetFromJsonAsync<JsonElement>("api/batches")).EnumerateArray().Any(b => b.GetProperty("kind").GetString() == "profiles" && b.GetProperty("status").GetString() == "accepted"));
        var first = await host.WaitForRunAsync(await host.RequestRunAsync(FirstAsOf));
        var second = await host.WaitForRunAsync(await host.RequestRunAsync(FaultData.AsOf));
        Assert.Equal("succeeded", second.GetProperty("status").GetString());
        return (first.GetProperty("runId").GetString()!, second.GetProperty("runId").GetString()!);
    }

    private static async Task<JsonElement> WaitForDeliveriesAsync(FaultHost host, WebhookReceiver receiver, int events)
    {
        JsonElement state = default;
        await Eventually.TrueAsync(async () =>
        {
            state = await receiver.StateAsync();
            var d = (await host.Http.GetFromJsonAsync<JsonElement>("api/destinations")).GetProperty("destinations")[0];
            return WebhookReceiver.Events(state).Count >= events && d.GetProperty("pending").GetInt32() == 0;
        }, "the receiver got every event");
        return state;
    }

    // The sender adds an execution's cost to the row after its outcome, so the last rows are waited for.
    private async Task AssertDeliveryCostIsTheSumOfItsRowsAsync(FaultHost host, string runId)
    {
        var table = new Azure.Data.Tables.TableClient(storage.ConnectionString, StorageNames.DeliveriesTable);
        var rows = new List<Azure.Data.Tables.TableEntity>();
        await Eventually.TrueAsync(async () =>
        {
            rows = await table.QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"RunId eq {runId}")).ToListAsync();
            return rows.Count > 0 && rows.All(r => r.GetInt32("SenderExecutions") >= 1);
        }, "every delivery's cost is recorded");
        var rowCosts = rows.Select(r => decimal.Parse(r.GetString("CostUsd"), System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var run = await host.Http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}");
        var deliveries = run.GetProperty("deliveriesCostUsd");
        var destinationRun = (await host.Http.GetFromJsonAsync<JsonElement>("api/destinations")).GetProperty("destinations")[0]
            .GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("runId").GetString() == runId);
        output.WriteLine($"run {runId}: costUsd {run.GetProperty("costUsd").GetProperty("total").GetDecimal()}, deliveriesCostUsd {deliveries.GetRawText()}, totalCostUsd {run.GetProperty("totalCostUsd").GetDecimal()}; "
            + $"{rows.Count} rows, {rows.Sum(r => r.GetInt32("SenderExecutions"))} sender executions, per row {rowCosts.Min()}..{rowCosts.Max()}");

        Assert.All(rowCosts, c => Assert.True(c > 0m, "every delivery cost something"));
        Assert.Equal(rowCosts.Sum(), deliveries.GetProperty("total").GetDecimal());
        Assert.Equal((rows.Count, rows.Count), (deliveries.GetProperty("deliveries").GetInt32(), deliveries.GetProperty("sent").GetInt32()));
        Assert.Equal(rows.Sum(r => r.GetInt32("SenderExecutions") ?? 0), deliveries.GetProperty("senderExecutions").GetInt32());
        Assert.Equal(run.GetProperty("costUsd").GetProperty("total").GetDecimal() + rowCosts.Sum(), run.GetProperty("totalCostUsd").GetDecimal());
        Assert.Equal(rowCosts.Sum(), destinationRun.GetProperty("costUsd").GetDecimal());
    }

    private static async Task AssertAllSentAsync(FaultHost host, int deliveries)
    {
        var d = (await host.Http.GetFromJsonAsync<JsonElement>("api/destinations")).GetProperty("destinations")[0];
        Assert.Equal((deliveries, 0, 0), (d.GetProperty("sent").GetInt32(), d.GetProperty("pending").GetInt32(), d.GetProperty("deadLettered").GetInt32()));
        Assert.False(d.GetProperty("secretSet").GetBoolean() is false);
        Assert.DoesNotContain("whsec_", d.GetRawText(), StringComparison.Ordinal);
    }
}
