using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Insights;

/// <summary>The customer lookup explains each membership from what the run stored.</summary>
public sealed class ExplanationTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    private const string Rules =
        """
        {"segments": [
          {"name": "Norway", "description": "", "query": "country = 'Norway' AND orders >= 2"},
          {"name": "Big spenders", "description": "", "query": "revenue >= 500"}
        ]}
        """;

    [Fact]
    public async Task Lookup_explains_rfm_lifecycle_cluster_and_rule_memberships_with_their_numbers()
    {
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        await new ConfigStore(Host.Storage).WriteTextAsync("segments.json", Rules, CancellationToken.None);
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ProductExports.FiveCustomers));
        await Host.RunAsync(ProductExports.AsOf);

        var a = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/A");

        var memberships = a.GetProperty("memberships").EnumerateArray()
            .ToDictionary(m => m.GetProperty("segment").GetString()!, m => m.GetProperty("explanation").EnumerateArray().Select(e => e.GetString()!).ToList());
        Assert.Equal(["rfm:Potential Loyalist", "lifecycle:New", $"cluster:{a.GetProperty("cluster").GetInt32()}", "rule:Norway", "predictive:Low churn risk", "predictive:Low value"], memberships.Keys);

        // Cut points of the five customers: recency 0.8/4/15.6/84.8, frequency 1/1.6/2/2.2, monetary 50/114/290/800.
        var rfm = memberships["rfm:Potential Loyalist"];
        Assert.Equal("R=4: last order 1 day ago, beyond the top-20% cut of 0.8 days and within the top-40% cut of 4 days", rfm[0]);
        Assert.Equal("F=3: 2 orders, above the 40th-percentile cut of 1.6 orders and at most the 60th-percentile cut of 2 orders", rfm[1]);
        Assert.Equal("M=3: net revenue 150.00, above the 40th-percentile cut of 114.00 and at most the 60th-percentile cut of 290.00", rfm[2]);
        Assert.StartsWith("Potential Loyalist: RFM code 433 (R=4, F=3, M=3) is one of the 24 codes", rfm[3], StringComparison.Ordinal);

        Assert.Equal(
            ["New: first order 11 days ago, within the default new-customer window of 30 days (default thresholds: only 2 repeat customers, too few for the store's own intervals)"],
            memberships["lifecycle:New"]);
        Assert.StartsWith($"Cluster {a.GetProperty("cluster").GetInt32()}: nearest of", Assert.Single(memberships[$"cluster:{a.GetProperty("cluster").GetInt32()}"]), StringComparison.Ordinal);
        Assert.Equal(
            ["Norway: the rule's query holds; the clauses that decided it, with this customer's values:", "country = 'Norway': country is 'Norway'", "orders >= 2: orders is 2"],
            memberships["rule:Norway"]);
    }
}
