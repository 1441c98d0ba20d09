using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Recommendations;

/// <summary>
/// Recommendations through a run and the API on a real Azurite. Five customers before the holdout (2011-09-02 on):
/// 12001 bought P1, P2; 12002 P1, P2, P3; 12003 P1, P3; 12004 P2, P4; 12005 P1 and a P2 it cancelled. With no
/// purchases in the holdout every model measures 0 and the run serves popularity: buyers P1 4, P2 3, P3 2, P4 1.
/// </summary>
public sealed class RecommendationApiTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    private const string Orders =
        """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        500001,P1,ONE,1,2011-07-01 10:00:00,2.00,12001.0,United Kingdom
        500001,P2,TWO,1,2011-07-01 10:00:00,2.00,12001.0,United Kingdom
        500002,P1,ONE,1,2011-07-02 10:00:00,2.00,12002.0,United Kingdom
        500002,P2,TWO,1,2011-07-02 10:00:00,2.00,12002.0,United Kingdom
        500002,P3,THREE,1,2011-07-02 10:00:00,2.00,12002.0,United Kingdom
        500003,P1,ONE,1,2011-07-03 10:00:00,2.00,12003.0,United Kingdom
        500003,P3,THREE,1,2011-07-03 10:00:00,2.00,12003.0,United Kingdom
        500004,P2,TWO,1,2011-07-04 10:00:00,2.00,12004.0,United Kingdom
        500004,P4,FOUR,1,2011-07-04 10:00:00,2.00,12004.0,United Kingdom
        500005,P1,ONE,1,2011-08-20 10:00:00,2.00,12005.0,United Kingdom
        500006,P2,TWO,1,2011-08-20 10:00:00,2.00,12005.0,United Kingdom
        C500007,P2,TWO,-1,2011-08-21 10:00:00,2.00,12005.0,United Kingdom

        """;

    [Fact]
    public async Task A_run_records_the_holdout_and_serves_each_customer_their_next_products()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("small.csv", Orders));
        var run = await Host.RunAsync("2011-12-01");

        var customer = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/12005/recommendations");
        var summary = run.GetProperty("recommendations");

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal("2011-09-01", summary.GetProperty("evaluation").GetProperty("holdoutStart").GetString());
        Assert.Equal(["Popularity", "ItemCosine", "Ease", "Ease", "Ease"], summary.GetProperty("evaluation").GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model").GetString()));
        Assert.Equal("Popularity", customer.GetProperty("model").GetString());
        Assert.False(customer.GetProperty("fallback").GetBoolean());
        // P2 was cancelled, so it is not "bought": it is recommended, and never because of the cancellation.
        Assert.Equal(["P2", "P3", "P4"], customer.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("product").GetString()));
        Assert.Equal("one of the store's best sellers (bought by 3 of 5 customers)", customer.GetProperty("recommendations")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_segment_lists_the_products_in_most_members_lists_and_exports_every_members_list_as_csv()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("small.csv", Orders));
        await Host.RunAsync("2011-12-01");
        var segments = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments");
        var segment = segments.GetProperty("lifecycleStages").EnumerateArray().First(s => s.GetProperty("customers").GetInt32() > 0).GetProperty("id").GetString()!;

        var listing = await Host.Http.GetFromJsonAsync<JsonElement>($"/api/segments/{Uri.EscapeDataString(segment)}/recommendations");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/segments/{Uri.EscapeDataString(segment)}/recommendations");
        request.Headers.Add("Accept", "text/csv");
        using var csv = await Host.Http.SendAsync(request);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(segment, listing.GetProperty("segment").GetString());
        var first = listing.GetProperty("recommendations")[0];
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.True(first.GetProperty("members").GetInt32() >= 1);
        Assert.Equal("customer_id,rank,product,score,reason", lines[0]);
        Assert.True(lines.Length > 1);
    }

    [Fact]
    public async Task A_bulk_lookup_includes_recommendations_when_asked_and_refuses_an_unknown_include()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("small.csv", Orders));
        await Host.RunAsync("2011-12-01");

        using var asked = await Host.Http.PostAsJsonAsync("/api/customers/lookup?include=recommendations", new { ids = new[] { "12005", "99999" } });
        using var plain = await Host.Http.PostAsJsonAsync("/api/customers/lookup", new { ids = new[] { "12005" } });
        using var bogus = await Host.Http.PostAsJsonAsync("/api/customers/lookup?include=bogus", new { ids = new[] { "12005" } });
        var results = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results");

        Assert.Equal(["P2", "P3", "P4"], results[0].GetProperty("recommendations").GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("product").GetString()));
        Assert.False(results[1].TryGetProperty("recommendations", out _));
        Assert.False((await plain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0].TryGetProperty("recommendations", out _));
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
    }

    [Fact]
    public async Task A_customer_lookup_includes_the_recommendations_routes_list_when_asked_with_its_own_etag()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("small.csv", Orders));
        await Host.RunAsync("2011-12-01");

        var route = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/12005/recommendations");
        using var asked = await Host.Http.GetAsync("/api/customers/12005?include=recommendations");
        using var plain = await Host.Http.GetAsync("/api/customers/12005");
        using var bogus = await Host.Http.GetAsync("/api/customers/12005?include=bogus");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/customers/12005?include=recommendations");
        again.Headers.TryAddWithoutValidation("If-None-Match", asked.Headers.ETag!.ToString());
        using var notModified = await Host.Http.SendAsync(again);
        using var plainWithIncludedTag = new HttpRequestMessage(HttpMethod.Get, "/api/customers/12005");
        plainWithIncludedTag.Headers.TryAddWithoutValidation("If-None-Match", asked.Headers.ETag!.ToString());
        using var changed = await Host.Http.SendAsync(plainWithIncludedTag);
        var included = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recommendations");

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal(route.GetRawText(), included.GetRawText());
        Assert.Equal(["P2", "P3", "P4"], included.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("product").GetString()));
        Assert.False((await plain.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("recommendations", out _));
        Assert.NotEqual(plain.Headers.ETag!.Tag, asked.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        Assert.Equal("include 'bogus' is not known; the lookup can include: recommendations.", (await bogus.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Unknown_customers_and_segments_are_404_and_before_any_run_there_is_no_active_run()
    {
        using var before = await Host.Http.GetAsync("/api/customers/12001/recommendations");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Contains("NoActiveRun", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await Host.WaitForBatchAsync(await Host.UploadAsync("small.csv", Orders));
        await Host.RunAsync("2011-12-01");
        using var unknown = await Host.Http.GetAsync("/api/customers/99999/recommendations");
        using var noSegment = await Host.Http.GetAsync("/api/segments/rfm%3ANoSuch/recommendations");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("CustomerNotFound", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noSegment.StatusCode);
    }
}
