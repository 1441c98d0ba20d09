using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Segments.Storage.Generations;

namespace Segments.Integration.Tests.Api;

/// <summary>Single lookups with ETag and the server cache, and batch lookups.</summary>
public sealed class CustomerLookupTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    // Long enough that nothing expires during a test: the cache, not timing, decides what a lookup sees.
    protected override IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string> { ["Segments:ActiveRunCacheSeconds"] = "300" };

    [Fact]
    public async Task Lookup_has_an_etag_and_if_none_match_gives_304_without_a_body()
    {
        await RunFiveCustomersAsync();
        using var first = await Host.Http.GetAsync("/api/customers/A");
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/customers/A");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(etag.IsWeak);
        Assert.Equal((true, TimeSpan.FromSeconds(300)), (first.Headers.CacheControl!.Private, first.Headers.CacheControl.MaxAge));
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Repeated_lookup_is_served_from_memory_and_no_cache_reads_storage()
    {
        var run = await RunFiveCustomersAsync();
        using var first = await Host.Http.GetAsync("/api/customers/A");
        // Change A's row behind the API's back: only a lookup that reads storage can see it.
        var table = GenerationStore.TableNameFor(run.GetProperty("runId").GetString()!);
        var store = new GenerationStore(Host.Storage);
        var row = (await store.GetAsync(table, CustomerBucket.DefaultCount, "A", CancellationToken.None))!;
        await store.WriteAsync(table, [row with { Segment = "Changed behind the cache" }], CustomerBucket.DefaultCount, CancellationToken.None);

        using var cached = await Host.Http.GetAsync("/api/customers/A");
        using var fresh = new HttpRequestMessage(HttpMethod.Get, "/api/customers/A");
        fresh.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
        using var uncached = await Host.Http.SendAsync(fresh);

        Assert.Equal("Potential Loyalist", Segment(await cached.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(first.Headers.ETag, cached.Headers.ETag);
        Assert.Equal("Changed behind the cache", Segment(await uncached.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.NotEqual(first.Headers.ETag, uncached.Headers.ETag);
    }

    [Fact]
    public async Task Batch_lookup_answers_in_request_order_and_marks_missing_ids()
    {
        await RunFiveCustomersAsync();

        using var response = await Host.Http.PostAsJsonAsync("/api/customers/lookup", new { ids = new[] { "E", "nobody", "A", "E" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["E", "nobody", "A", "E"], results.Select(r => r.GetProperty("customerId").GetString()));
        Assert.Equal([true, false, true, true], results.Select(r => r.GetProperty("found").GetBoolean()));
        Assert.False(results[1].TryGetProperty("customer", out _));
        Assert.Equal("Need Attention", Segment(results[0].GetProperty("customer")));
        Assert.Equal(3, body.GetProperty("found").GetInt32());
    }

    [Fact]
    public async Task Batch_lookup_of_more_than_1000_ids_is_400_naming_the_limit()
    {
        await RunFiveCustomersAsync();

        using var response = await Host.Http.PostAsJsonAsync("/api/customers/lookup", new { ids = Enumerable.Range(0, 1001).Select(i => $"c{i}").ToArray() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("InvalidLookupRequest", error.GetProperty("code").GetString());
        Assert.Contains("1000", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("1001", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"ids\":\"A\"}")]
    [InlineData("{\"ids\":[]}")]
    [InlineData("{\"ids\":[\"A\",{}]}")]
    public async Task Batch_lookup_with_a_bad_body_is_400(string body)
    {
        using var response = await Host.Http.PostAsync("/api/customers/lookup", new StringContent(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidLookupRequest", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    private static string? Segment(JsonElement lookup) => lookup.GetProperty("rfm").GetProperty("segment").GetString();

    private async Task<JsonElement> RunFiveCustomersAsync()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));
        return await Host.RunAsync("2024-03-31");
    }
}
