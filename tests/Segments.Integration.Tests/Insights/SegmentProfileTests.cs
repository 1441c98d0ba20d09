using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Insights;

/// <summary>Segment profiles: computed by the recompute, stored as one blob per run, served by <c>GET /api/segments/{name}/profile</c>.</summary>
public sealed class SegmentProfileTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    private async Task<string> RunFiveCustomersAsync()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ProductExports.FiveCustomers));
        var run = await Host.RunAsync(ProductExports.AsOf);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        return run.GetProperty("runId").GetString()!;
    }

    private static string ProfileUrl(string segment) => $"/api/segments/{Uri.EscapeDataString(segment)}/profile";

    [Fact]
    public async Task Profile_of_a_segment_gives_size_revenue_share_order_value_recency_products_countries_and_lifecycle_mix()
    {
        var runId = await RunFiveCustomersAsync();

        var answer = await Host.Http.GetFromJsonAsync<JsonElement>(ProfileUrl("rfm:Potential Loyalist"));

        // Potential Loyalist = A (150 in 2 orders, 1 day ago) and C (60 in 3 orders, 6 days ago) out of a base
        // whose net revenue is 150 + 500 + 60 + 10 + 2,000 = 2,720: share 210 / 2,720 = 0.0772, AOV 210 / 5 = 42.
        Assert.Equal(runId, answer.GetProperty("runId").GetString());
        var profile = answer.GetProperty("profile");
        Assert.Equal("rfm:Potential Loyalist", profile.GetProperty("segment").GetString());
        Assert.Equal((2, 210m, 0.0772, 42m, 3.5m), (
            profile.GetProperty("customers").GetInt32(),
            profile.GetProperty("revenue").GetDecimal(),
            profile.GetProperty("revenueShare").GetDouble(),
            profile.GetProperty("averageOrderValue").GetDecimal(),
            profile.GetProperty("medianRecencyDays").GetDecimal()));
        Assert.Equal(["P1 2 1", "P2 1 0.5", "P3 1 0.5"], Shares(profile.GetProperty("topProducts")));
        Assert.Equal(["Norway 1 0.5", "Spain 1 0.5"], Shares(profile.GetProperty("topCountries")));
        Assert.Equal(["New 1 0.5", "Active 1 0.5"], Shares(profile.GetProperty("lifecycleMix")));

        // Two customers are below the default cross-sell support of 5 buyers; no demographics were given.
        Assert.Empty(profile.GetProperty("crossSell").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("ageBands").ValueKind);
    }

    [Fact]
    public async Task Profiles_are_stored_as_one_blob_per_run()
    {
        var runId = await RunFiveCustomersAsync();

        var blob = Host.Storage.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer).GetBlobClient($"segment-profiles/{runId}.json");
        Assert.True((await blob.ExistsAsync()).Value);
        var set = await new SegmentProfileStore(Host.Storage).ReadAsync(runId, CancellationToken.None);

        // Every segment of the run: 11 RFM segments, 7 lifecycle stages and the clusters.
        var listing = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments");
        Assert.Equal(11 + 7 + listing.GetProperty("clusters").GetArrayLength(), set!.Profiles.Count);
        Assert.Equal(5, set.Customers);
    }

    [Fact]
    public async Task Profiles_are_dropped_with_their_generation()
    {
        var first = await RunFiveCustomersAsync();
        for (var i = 0; i < 3; i++)
        {
            await Host.RunAsync(ProductExports.AsOf);
        }

        // Three generations are kept; the fourth run drops the first one's table and profiles.
        Assert.Null(await new SegmentProfileStore(Host.Storage).ReadAsync(first, CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.GetAsync(ProfileUrl("rfm:Lost"))).StatusCode);
    }

    [Fact]
    public async Task A_bare_name_shared_by_two_segments_is_a_400_listing_their_ids()
    {
        await RunFiveCustomersAsync();

        using var response = await Host.Http.GetAsync(ProfileUrl("Lost"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("AmbiguousSegment", error.GetProperty("code").GetString());
        Assert.Equal("'Lost' names 2 segments: rfm:Lost, lifecycle:Lost. Use one of these ids.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_segment_is_a_404()
    {
        await RunFiveCustomersAsync();

        using var response = await Host.Http.GetAsync(ProfileUrl("Whales"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("SegmentNotFound", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Before_any_run_a_profile_is_a_404_no_active_run()
    {
        using var response = await Host.Http.GetAsync(ProfileUrl("rfm:Champions"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NoActiveRun", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    private static List<string> Shares(JsonElement list) =>
        list.EnumerateArray()
            .Select(s => $"{s.GetProperty("name").GetString()} {s.GetProperty("customers").GetInt32()} {s.GetProperty("share").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
}
