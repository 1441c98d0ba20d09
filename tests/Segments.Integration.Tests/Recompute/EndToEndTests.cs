using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Recompute;

/// <summary>Upload → blob trigger → recompute → HTTP lookup, on a real Azurite.</summary>
public sealed class EndToEndTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    [Fact]
    public async Task Uploaded_export_is_scored_and_served_by_customer_lookup()
    {
        var blob = await Host.UploadAsync("shop/2024-03-31.csv", ShopExports.FiveCustomers);
        var batch = await Host.WaitForBatchAsync(blob);
        Assert.Equal(("accepted", (string?)null), (batch.GetProperty("status").GetString(), batch.GetProperty("reason").GetString()));
        Assert.Equal(11, batch.GetProperty("rowsAccepted").GetInt64());

        var run = await Host.RunAsync("2024-03-31");
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(5, run.GetProperty("customersScored").GetInt32());

        var a = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/A");
        Assert.Equal(run.GetProperty("runId").GetString(), a.GetProperty("runId").GetString());
        Assert.Equal("2024-03-31", a.GetProperty("asOf").GetString());
        var rfm = a.GetProperty("rfm");
        Assert.Equal(1, rfm.GetProperty("recencyDays").GetInt32());
        Assert.Equal(2, rfm.GetProperty("frequency").GetInt32());
        Assert.Equal(150m, rfm.GetProperty("monetary").GetDecimal());
        Assert.Equal("433", rfm.GetProperty("code").GetString());
        Assert.Equal("Potential Loyalist", rfm.GetProperty("segment").GetString());

        // Five customers cannot identify a customer-base model: no prediction rather than NaN.
        var predictive = a.GetProperty("predictive");
        Assert.True(predictive.ValueKind == JsonValueKind.Null || double.IsFinite(predictive.GetProperty("pAlive").GetDouble()));
    }

    [Fact]
    public async Task Every_customer_gets_the_segment_worked_out_by_hand()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));
        await Host.RunAsync("2024-03-31");

        var expected = new Dictionary<string, (string Code, string Segment)>
        {
            ["A"] = ("433", "Potential Loyalist"),
            ["B"] = ("214", "Can't Lose Them"),
            ["C"] = ("352", "Potential Loyalist"),
            ["D"] = ("111", "Lost"),
            ["E"] = ("535", "Need Attention"),
        };
        foreach (var (id, (code, segment)) in expected)
        {
            var rfm = (await Host.Http.GetFromJsonAsync<JsonElement>($"/api/customers/{id}")).GetProperty("rfm");
            Assert.Equal((id, code, segment), (id, rfm.GetProperty("code").GetString(), rfm.GetProperty("segment").GetString()));
        }
    }

    [Fact]
    public async Task Segment_listing_counts_the_active_run()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));
        var run = await Host.RunAsync("2024-03-31");

        var listing = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments");
        Assert.Equal(run.GetProperty("runId").GetString(), listing.GetProperty("runId").GetString());
        var counts = listing.GetProperty("segments").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("customers").GetInt32());
        Assert.Equal(11, counts.Count);
        Assert.Equal(2, counts["Potential Loyalist"]);
        Assert.Equal(1, counts["Can't Lose Them"]);
        Assert.Equal(1, counts["Lost"]);
        Assert.Equal(1, counts["Need Attention"]);
        Assert.Equal(5, counts.Values.Sum());
    }

    [Fact]
    public async Task Unknown_customer_is_404_with_a_json_error()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));
        await Host.RunAsync("2024-03-31");

        using var response = await Host.Http.GetAsync("/api/customers/nobody");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("CustomerNotFound", error.GetProperty("code").GetString());
        Assert.Contains("nobody", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
