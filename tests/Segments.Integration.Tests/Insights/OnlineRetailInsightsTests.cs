using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Blobs;
using Xunit.Abstractions;

namespace Segments.Integration.Tests.Insights;

/// <summary>Segment profiles, control groups and explanations on the full Online Retail file (the samples in docs/ come from here).</summary>
public sealed class OnlineRetailInsightsTests(AzuriteFixture azurite, ITestOutputHelper output) : HostTestBase(azurite)
{
    private const string Rules =
        """
        {"segments": [
          {"name": "UK loyal", "description": "UK, 3+ orders, bought in the last 90 days", "query": "country = 'United Kingdom' AND orders >= 3 AND last_order_date > -90d"},
          {"name": "German regulars", "description": "Germany, 5+ orders", "query": "country = 'Germany' AND orders >= 5"}
        ]}
        """;

    private const string Experiments = """{"experiments": [{"name": "champions-vip-2011", "segment": "rfm:Champions", "controlShare": 0.1}]}""";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [OnlineRetailFact]
    public async Task Champions_profile_and_an_explained_lookup_on_the_full_export()
    {
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        var config = new ConfigStore(Host.Storage);
        await config.WriteTextAsync("segments.json", Rules, CancellationToken.None);
        await config.WriteTextAsync("experiments.json", Experiments, CancellationToken.None);
        await Host.WaitForBatchAsync(await Host.UploadFileAsync("uci/online_retail_2010-2011.csv", RepositoryPaths.OnlineRetail));
        await Host.RunAsync(OnlineRetailReference.AsOf);

        var champions = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/Champions/profile")).GetProperty("profile");
        var lookup = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/12662");
        output.WriteLine(JsonSerializer.Serialize(champions, Indented));
        output.WriteLine(JsonSerializer.Serialize(lookup, Indented));

        Assert.Equal(OnlineRetailReference.SegmentCounts["Champions"], champions.GetProperty("customers").GetInt32());
        Assert.InRange(champions.GetProperty("revenueShare").GetDouble(), 0.2, 0.9);
        Assert.Equal(10, champions.GetProperty("topProducts").GetArrayLength());
        var crossSell = champions.GetProperty("crossSell").EnumerateArray().ToList();
        Assert.NotEmpty(crossSell);

        // Support floor: 5% of 804 customers rounds up to 41 buyers.
        Assert.All(crossSell, c => Assert.True(c.GetProperty("lift").GetDouble() > 1 && c.GetProperty("segmentCustomers").GetInt32() >= 41));

        var memberships = lookup.GetProperty("memberships").EnumerateArray().ToList();
        Assert.StartsWith("R=", memberships[0].GetProperty("explanation")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(memberships, m => m.GetProperty("segment").GetString() == "rule:German regulars");
    }
}
