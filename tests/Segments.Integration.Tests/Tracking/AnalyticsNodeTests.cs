using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Segments.Core.Events;
using Segments.Integration.Tests.Fixtures;
using Xunit.Abstractions;

namespace Segments.Integration.Tests.Tracking;

/// <summary>
/// The real npm <c>@segment/analytics-node</c> client, run by node against the local host as a process (its
/// <c>host</c> option at the host's address, <c>path</c> <c>/api/v1/batch</c>, two messages a batch): every request is
/// answered 200, and the messages are in the <c>events</c> container exactly as sent, one blob per request, read back
/// with Core's <see cref="EventLinesReader"/> as the blob path reads them.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AnalyticsNodeTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string WriteKey = "analytics-node-write-key-0001";

    [Fact]
    public async Task Messages_sent_by_analytics_node_are_stored_in_the_events_container_exactly_as_sent()
    {
        await azurite.ResetAsync();
        await using var host = await HostProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Segments__WriteKeys__site"] = WriteKey,
                ["Segments__HostId"] = "segments-analytics-node",
                ["Logging__LogLevel__Default"] = "Debug",
            },
            "api/health",
            null);
        var sent = Calls();

        var report = await AnalyticsNodeClient.SendAsync(host.BaseAddress, WriteKey, sent, flushAt: 2);
        var stored = await TrackedEvents.ReadAsync(azurite.ConnectionString);

        output.WriteLine($"@segment/analytics-node {AnalyticsNodeClient.InstalledVersion()}: batches of [{string.Join(", ", report.BatchSizes)}] answered [{string.Join(", ", report.Statuses)}]; blobs: {string.Join(", ", stored.BlobNames)}");
        Assert.Equal("3.1.0", AnalyticsNodeClient.InstalledVersion());
        Assert.Empty(report.Errors);
        Assert.Equal([2, 2, 2], report.BatchSizes);
        Assert.Equal([200, 200, 200], report.Statuses);
        Assert.Equal(3, stored.BlobNames.Count);
        Assert.True(stored.NamesAreHourFoldersWithRandomIds, string.Join(", ", stored.BlobNames));
        Assert.Empty(stored.Errors);
        Assert.DoesNotContain(WriteKey, stored.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("writeKey", stored.Text, StringComparison.Ordinal);

        // Sent order is not blob order (batches go out concurrently, blob names are random): each timestamp is unique.
        var events = stored.Events.OrderBy(e => e.Timestamp).ToList();
        var messages = stored.Messages.OrderBy(m => m.GetProperty("timestamp").GetDateTimeOffset()).ToList();
        Assert.Equal(
            [
                (EventKind.Identify, "identify", "12662", "anon-7f3a"),
                (EventKind.PageViewed, "page", null, "anon-7f3a"),
                (EventKind.ProductViewed, "Product Viewed", null, "anon-7f3a"),
                (EventKind.ProductViewed, "Product Viewed", null, "anon-7f3a"),
                (EventKind.ProductAdded, "Product Added", "12662", null),
                (EventKind.CheckoutStarted, "Checkout Started", "12662", null),
            ],
            events.Select(e => (e.Kind, e.Name, e.UserId, e.AnonymousId)));
        Assert.Equal(Timestamps, events.Select(e => e.Timestamp));
        Assert.Equal([null, null, 2.55m, 12.75m, 5.10m, 5.10m], events.Select(e => e.Value));
        Assert.Equal(["", "", "85123A", "22423", "85123A", "85123A"], events.Select(e => string.Join(",", e.ProductIds.Distinct())));
        Assert.Equal("web-1001", events[5].OrderId);
        Assert.Equal(6, events.Select(e => e.MessageId).Distinct().Count(id => !string.IsNullOrEmpty(id)));

        // Properties and traits exactly as sent; the client's context kept; when it arrived, added.
        for (var i = 0; i < sent.Count; i++)
        {
            var parameters = JsonSerializer.SerializeToNode(sent[i])!["params"]!;
            foreach (var field in new[] { "properties", "traits" })
            {
                Assert.True(
                    JsonNode.DeepEquals(parameters[field], JsonNode.Parse(messages[i].TryGetProperty(field, out var stored_) ? stored_.GetRawText() : "null")),
                    $"message {i} {field}: sent {parameters[field]?.ToJsonString()}, stored {messages[i]}");
            }

            Assert.Equal("@segment/analytics-node", messages[i].GetProperty("context").GetProperty("library").GetProperty("name").GetString());
            Assert.Equal(JsonValueKind.String, messages[i].GetProperty("receivedAt").ValueKind);
            Assert.Equal(JsonValueKind.String, messages[i].GetProperty("sentAt").ValueKind);
        }
    }

    [Fact]
    public async Task Events_sent_by_analytics_node_are_ingested_and_the_next_run_shows_them_as_the_customers_behaviour()
    {
        const string AdminKey = "analytics-node-admin-key";
        const string FunctionKey = "analytics-node-function-key";
        await azurite.ResetAsync();
        await using var host = await HostProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Segments__WriteKeys__site"] = WriteKey,
                ["Segments__AdminKey"] = AdminKey,
                ["Segments__FunctionKey"] = FunctionKey,
                ["Segments__PollIntervalSeconds"] = "1",
                ["Segments__ActiveRunCacheSeconds"] = "0",
                ["Segments__HostId"] = "segments-analytics-node-run",
            },
            "api/health",
            null);
        using var driver = new HostProcessDriver(host, azurite.ConnectionString, FunctionKey, AdminKey);
        await driver.IngestFileAsync("sample.csv", RepositoryPaths.Sample);

        var report = await AnalyticsNodeClient.SendAsync(host.BaseAddress, WriteKey, Calls(), flushAt: 2);
        Assert.Equal([200, 200, 200], report.Statuses);
        var blobs = (await TrackedEvents.ReadAsync(azurite.ConnectionString)).BlobNames;
        var rows = await WaitForAcceptedAsync(driver.Http, blobs);
        await driver.RunAsync("2011-12-10");
        var customer = await driver.Http.GetFromJsonAsync<JsonElement>("api/customers/12662");

        output.WriteLine($"ledger: {string.Join("; ", rows)}; behaviour of 12662: {customer.GetProperty("behaviour")}");
        var behaviour = customer.GetProperty("behaviour");
        Assert.Equal(Timestamps[5], behaviour.GetProperty("lastSeen").GetDateTimeOffset());
        var week = behaviour.GetProperty("windows").EnumerateArray().First(w => w.GetProperty("days").GetInt32() == 7).GetProperty("events");

        // The anonymous views count for 12662 through the identify call that linked anon-7f3a to them.
        Assert.Equal(2, week.GetProperty("Product Viewed").GetInt32());
        Assert.Equal(1, week.GetProperty("Product Added").GetInt32());
        Assert.Equal(1, week.GetProperty("Checkout Started").GetInt32());
    }

    // Waits until the blob path has accepted every tracking blob (one Batches ledger row each).
    private static async Task<IReadOnlyList<string>> WaitForAcceptedAsync(HttpClient http, IReadOnlyList<string> blobs)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var batches = await http.GetFromJsonAsync<JsonElement>("api/batches");
            var rows = batches.EnumerateArray().Where(b => blobs.Contains(b.GetProperty("blobName").GetString())).ToList();
            if (rows.Count == blobs.Count && rows.All(r => r.GetProperty("status").GetString() == "accepted"))
            {
                return [.. rows.Select(r => $"{r.GetProperty("blobName").GetString()} {r.GetProperty("kind").GetString()} {r.GetProperty("status").GetString()}")];
            }

            Assert.True(DateTime.UtcNow < deadline, $"the tracking blobs were not all accepted within 90 s: {string.Join("; ", rows)}");
            await Task.Delay(250);
        }
    }

    private static readonly DateTimeOffset[] Timestamps =
    [
        new(2011, 12, 5, 9, 0, 0, TimeSpan.Zero),
        new(2011, 12, 6, 10, 0, 0, TimeSpan.Zero),
        new(2011, 12, 6, 10, 1, 0, TimeSpan.Zero),
        new(2011, 12, 6, 10, 2, 0, TimeSpan.Zero),
        new(2011, 12, 7, 11, 0, 0, TimeSpan.Zero),
        new(2011, 12, 7, 11, 5, 0, TimeSpan.Zero),
    ];

    // A visitor browses anonymously, is identified as customer 12662 of the sample export, adds to the cart and starts a checkout.
    private static IReadOnlyList<object> Calls() =>
    [
        new { call = "identify", @params = new { userId = "12662", anonymousId = "anon-7f3a", traits = new { plan = "gold", city = "Bremen" }, timestamp = Iso(0) } },
        new { call = "page", @params = new { anonymousId = "anon-7f3a", name = "Home", properties = new { path = "/", title = "Shop" }, timestamp = Iso(1) } },
        new { call = "track", @params = new { anonymousId = "anon-7f3a", @event = "Product Viewed", properties = new { product_id = "85123A", price = 2.55m, name = "White hanging heart" }, timestamp = Iso(2) } },
        new { call = "track", @params = new { anonymousId = "anon-7f3a", @event = "Product Viewed", properties = new { product_id = "22423", price = 12.75m }, timestamp = Iso(3) } },
        new { call = "track", @params = new { userId = "12662", @event = "Product Added", properties = new { product_id = "85123A", price = 2.55m, quantity = 2 }, timestamp = Iso(4) } },
        new { call = "track", @params = new { userId = "12662", @event = "Checkout Started", properties = new { order_id = "web-1001", total = 5.10m, products = new[] { new { product_id = "85123A", price = 2.55m, quantity = 2 } } }, timestamp = Iso(5) } },
    ];

    private static string Iso(int index) => Timestamps[index].UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
