using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Recompute;

/// <summary>The full Online Retail file through blob trigger, recompute and lookups on Azurite.</summary>
public sealed class OnlineRetailPipelineTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    [OnlineRetailFact]
    public async Task Full_online_retail_export_gives_the_reference_segment_counts_through_the_pipeline()
    {
        var batch = await Host.WaitForBatchAsync(await Host.UploadFileAsync("uci/online_retail_2010-2011.csv", RepositoryPaths.OnlineRetail));
        Assert.Equal((541909L, 406829L, 135080L, 0L), (batch.GetProperty("rowsRead").GetInt64(), batch.GetProperty("rowsAccepted").GetInt64(), batch.GetProperty("rowsSkipped").GetInt64(), batch.GetProperty("rowsRejected").GetInt64()));

        var run = await Host.RunAsync(OnlineRetailReference.AsOf);

        Assert.Equal(OnlineRetailReference.Customers, run.GetProperty("customersScored").GetInt32());
        var listing = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments");
        var counts = listing.GetProperty("segments").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("customers").GetInt32());
        Assert.Equal(OnlineRetailReference.SegmentCounts.OrderBy(p => p.Key), counts.OrderBy(p => p.Key));

        // The run fits the customer-base models and says which one it used.
        Assert.Contains(listing.GetProperty("predictions").GetProperty("chosenModel").GetString(), new[] { "bgnbd", "mbgnbd" });

        // Customer 12347 (reference CSV row): last order 2011-12-07, 7 invoices, 4,310.00 → 555 Champions.
        var customer = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/12347");
        var predictive = customer.GetProperty("predictive");
        Assert.InRange(predictive.GetProperty("pAlive").GetDouble(), 0.9, 1.0); // bought 3 days ago after 6 repeat purchases
        Assert.True(predictive.GetProperty("expectedPurchases365").GetDouble() > predictive.GetProperty("expectedPurchases90").GetDouble());
        Assert.True(predictive.GetProperty("clv12Months").GetDouble() > 0);
        var rfm = customer.GetProperty("rfm");
        Assert.Equal((3, 7, 4310.00m, "555", "Champions"), (rfm.GetProperty("recencyDays").GetInt32(), rfm.GetProperty("frequency").GetInt32(), rfm.GetProperty("monetary").GetDecimal(), rfm.GetProperty("code").GetString(), rfm.GetProperty("segment").GetString()));
    }
}
