using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Recompute;

/// <summary>Lifecycle stages, clusters and the store's rule segments, computed in every run and served by lookups.</summary>
public sealed class BehaviouralSegmentsTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    private const string Definitions =
        """
        {"segments": [
          {"name": "Big spenders", "description": "Net revenue of 500 or more", "query": "revenue >= 500"},
          {"name": "Norway", "description": "Customers in Norway", "query": "country = 'Norway'"},
          {"name": "Broken", "description": "A typo", "query": "revnue > 1"}
        ]}
        """;

    [Fact]
    public async Task Lookup_shows_lifecycle_stage_cluster_and_matching_rule_segments()
    {
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        await new ConfigStore(Host.Storage).WriteTextAsync("segments.json", Definitions, CancellationToken.None);
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));

        await Host.RunAsync("2024-03-31");

        // Only A and C buy on two or more days (fewer than 30 repeat customers), so the fallback
        // windows apply: new ≤ 30 days, active ≤ 30, at risk ≤ 90, lapsed ≤ 180.
        // C first bought 90 days ago and last 6 days ago: Active. D bought once, 304 days ago: One-time.
        var c = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/C");
        Assert.Equal("Active", c.GetProperty("lifecycleStage").GetString());
        Assert.Equal(("2024-01-01", "2024-03-25"), (c.GetProperty("firstOrderDate").GetString(), c.GetProperty("lastOrderDate").GetString()));
        Assert.True(c.GetProperty("cluster").GetInt32() >= 1);
        Assert.Empty(c.GetProperty("ruleSegments").EnumerateArray());

        var d = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/D");
        Assert.Equal("One-time", d.GetProperty("lifecycleStage").GetString());

        var e = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/E");
        Assert.Equal("New", e.GetProperty("lifecycleStage").GetString());
        Assert.Equal(["Big spenders"], e.GetProperty("ruleSegments").EnumerateArray().Select(s => s.GetString()));

        var a = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/A");
        Assert.Equal(["Norway"], a.GetProperty("ruleSegments").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Segment_listing_counts_stages_and_rule_segments_and_explains_broken_definitions()
    {
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        await new ConfigStore(Host.Storage).WriteTextAsync("segments.json", Definitions, CancellationToken.None);
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));

        await Host.RunAsync("2024-03-31");

        var listing = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments");
        var rules = listing.GetProperty("ruleSegments").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("customers").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Big spenders"] = 2, ["Norway"] = 1 }, rules);
        var error = Assert.Single(listing.GetProperty("ruleErrors").EnumerateArray()).GetString();
        Assert.Contains("unknown attribute 'revnue' at position 1", error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'revenue'", error, StringComparison.Ordinal);

        // A, B and E first bought within 30 days: New; C Active; D One-time.
        var stages = listing.GetProperty("lifecycleStages").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("customers").GetInt32());
        Assert.Equal((3, 1, 1), (stages["New"], stages["Active"], stages["One-time"]));
        Assert.Equal(5, listing.GetProperty("clusters").EnumerateArray().Sum(cluster => cluster.GetProperty("size").GetInt32()));
        Assert.Equal("Fallback", listing.GetProperty("lifecycleThresholds").GetProperty("source").GetString());
    }
}
