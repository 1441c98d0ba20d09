using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Events;

/// <summary>
/// Events dropped into <c>events</c> and orders into <c>transactions</c>, then a run: the <c>behaviour:</c> family in
/// lookups (with explanations and the <c>behaviour</c> object), listings, changes and the segment list, on a real Azurite.
/// </summary>
public sealed class BehaviourRunTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    // As of 2024-03-31 the abandonment window is [2024-03-24, 2024-03-30] and the prospect window [2024-03-01, 2024-03-30].
    private const string AsOf = "2024-03-31";

    [Fact]
    public async Task A_run_puts_event_customers_in_the_behaviour_family_with_explanations()
    {
        // Arrange: orders of A–E (B last ordered 03-01, C on 03-25, A on 03-30).
        await Host.WaitForBatchAsync(await Host.UploadAsync("orders.csv", ShopExports.FiveCustomers));
        var before = await Host.RunAsync(AsOf);
        string[] segment =
        [
            // B: two units at 42.50 added on 03-28, no order since → cart abandoner.
            Message("track", "b1", "B", null, "2024-03-28T09:00:00Z", "Product Added", """{"product_id":"P1","price":42.5,"quantity":2}"""),
            // C: three views while anonymous, then signs in: the latest link credits the views to C (who ordered 03-25).
            Message("track", "c1", null, "anon-c", "2024-03-27T10:00:00Z", "Product Viewed", """{"product_id":"P2"}"""),
            Message("track", "c2", null, "anon-c", "2024-03-28T10:00:00Z", "Product Viewed", """{"product_id":"P3"}"""),
            Message("track", "c3", null, "anon-c", "2024-03-29T10:00:00Z", "Product Viewed", """{"product_id":"P2"}"""),
            Message("identify", "c4", "C", "anon-c", "2024-03-29T10:05:00Z", null, null),
            // A added on 03-29 and ordered on 03-30: no abandoner.
            Message("track", "a1", "A", null, "2024-03-29T08:00:00Z", "Product Added", """{"product_id":"P1","price":10}"""),
            // Q added on 03-26 and completed that order by event only: the event is an order, so no abandoner, no prospect.
            Message("track", "q1", "Q", null, "2024-03-26T08:00:00Z", "Product Added", """{"product_id":"P9","price":5}"""),
            Message("track", "q2", "Q", null, "2024-03-26T08:10:00Z", "Order Completed", """{"order_id":"web-1","total":5}"""),
            // P: seen on 03-15, never ordered → prospect, known only from events.
            Message("page", "p1", "P", null, "2024-03-15T12:00:00Z", null, null),
            // b1 delivered again: counted once.
            Message("track", "b1", "B", null, "2024-03-28T09:00:00Z", "Product Added", """{"product_id":"P1","price":42.5,"quantity":2}"""),
            // A visitor who never signs in: anonymous, never a customer.
            Message("track", "v1", null, "anon-v", "2024-03-29T10:00:00Z", "Product Viewed", """{"product_id":"P2"}"""),
        ];
        await Host.WaitForBatchAsync(await Host.UploadEventsAsync("segment/2024-03.jsonl.gz", EventIngestTests.Gzip(EventIngestTests.Utf8(segment))));
        // GA4 exports 2024-03-28 for G twice; the second export is the whole day again (two adds), and replaces the first.
        await Host.WaitForBatchAsync(await Host.UploadEventsAsync("ga4/events_20240328.json", EventIngestTests.Utf8([Ga4Add("G", "2024-03-28T15:00:00Z", "P5", 10)])));
        await Host.WaitForBatchAsync(await Host.UploadEventsAsync("ga4/events_20240328-late.json", EventIngestTests.Utf8([Ga4Add("G", "2024-03-28T15:00:00Z", "P5", 10), Ga4Add("G", "2024-03-28T16:00:00Z", "P6", 10)])));

        // Act
        var run = await Host.RunAsync(AsOf);
        var b = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/B");
        var c = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/C");
        var g = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/G");
        var p = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/P");
        var a = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/A");
        var segments = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments");
        var carts = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/behaviour:Cart Abandoners/customers");
        var changes = await Host.Http.GetFromJsonAsync<JsonElement>($"/api/segments/behaviour:Cart Abandoners/changes?fromRun={before.GetProperty("runId").GetString()}");

        // Assert: sizes of the family in the run and the segment list.
        Assert.Equal(
            [("Cart Abandoners", 2), ("Browse Abandoners", 1), ("Prospects", 2)],
            run.GetProperty("behaviourSegments").EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("customers").GetInt32())));
        Assert.Equal(
            ["behaviour:Cart Abandoners", "behaviour:Browse Abandoners", "behaviour:Prospects"],
            segments.GetProperty("behaviourSegments").EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        // B: the cart abandoner, explained; the re-delivered message counted once.
        Assert.Equal(["added 2 items worth 85.00 to the cart 3 days ago; no order since"], Membership(b, "behaviour:Cart Abandoners"));
        var cart = b.GetProperty("behaviour").GetProperty("abandonedCart");
        Assert.Equal((85.0m, 2, "P1"), (cart.GetProperty("value").GetDecimal(), cart.GetProperty("items").GetInt32(), Assert.Single(cart.GetProperty("productIds").EnumerateArray()).GetString()));
        Assert.Equal(new DateTimeOffset(2024, 3, 28, 9, 0, 0, TimeSpan.Zero), b.GetProperty("behaviour").GetProperty("lastSeen").GetDateTimeOffset());
        var week = b.GetProperty("behaviour").GetProperty("windows")[0];
        Assert.Equal((7, 1), (week.GetProperty("days").GetInt32(), week.GetProperty("events").GetProperty("Product Added").GetInt32()));

        // C: anonymous views credited by the later sign-in; browse abandoner.
        Assert.Single(Membership(c, "behaviour:Browse Abandoners"));
        Assert.Equal(3, c.GetProperty("behaviour").GetProperty("windows")[0].GetProperty("events").GetProperty("Product Viewed").GetInt32());

        // G: the GA4 day counted once, from its latest export.
        Assert.Equal(["added 2 items worth 20.00 to the cart 3 days ago; no order since"], Membership(g, "behaviour:Cart Abandoners"));

        // P: known only from events, looked up as a prospect.
        Assert.Equal(["seen once in the last 30 days, the last 16 days ago; no order yet"], Membership(p, "behaviour:Prospects"));
        Assert.DoesNotContain(p.GetProperty("memberships").EnumerateArray(), m => !m.GetProperty("segment").GetString()!.StartsWith("behaviour:", StringComparison.Ordinal));

        // A ordered after the add; Q's order came by event; the visitor stays anonymous.
        Assert.DoesNotContain(a.GetProperty("memberships").EnumerateArray(), m => m.GetProperty("segment").GetString()!.StartsWith("behaviour:", StringComparison.Ordinal));
        var q = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/Q");
        Assert.Empty(q.GetProperty("memberships").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Http.GetAsync("/api/customers/anon-v")).StatusCode);

        // Listing and changes: B and G entered the segment between the run without events and this one.
        Assert.Equal(["B", "G"], carts.GetProperty("customers").EnumerateArray().Select(x => x.GetProperty("customerId").GetString()).Order());
        Assert.Equal(["B", "G"], changes.GetProperty("entered").EnumerateArray().Select(x => x.GetProperty("customerId").GetString()).Order());
    }

    private static IEnumerable<string?> Membership(JsonElement lookup, string segment) =>
        lookup.GetProperty("memberships").EnumerateArray().Single(m => m.GetProperty("segment").GetString() == segment).GetProperty("explanation").EnumerateArray().Select(e => e.GetString());

    private static string Message(string type, string messageId, string? userId, string? anonymousId, string timestamp, string? name, string? properties)
    {
        var fields = new List<string> { $"\"type\":\"{type}\"", $"\"messageId\":\"{messageId}\"", $"\"timestamp\":\"{timestamp}\"" };
        if (userId is not null)
        {
            fields.Add($"\"userId\":\"{userId}\"");
        }

        if (anonymousId is not null)
        {
            fields.Add($"\"anonymousId\":\"{anonymousId}\"");
        }

        if (name is not null)
        {
            fields.Add($"\"event\":\"{name}\"");
        }

        if (properties is not null)
        {
            fields.Add($"\"properties\":{properties}");
        }

        return "{" + string.Join(',', fields) + "}";
    }

    private static string Ga4Add(string userId, string at, string itemId, decimal price) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["event_date"] = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
            ["event_timestamp"] = (DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["event_name"] = "add_to_cart",
            ["user_id"] = userId,
            ["user_pseudo_id"] = "ga-" + userId,
            ["items"] = new[] { new Dictionary<string, object> { ["item_id"] = itemId, ["price"] = price, ["quantity"] = 1 } },
        });
}
