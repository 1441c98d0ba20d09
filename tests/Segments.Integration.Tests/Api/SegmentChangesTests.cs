using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Api;

/// <summary>Who entered and left a segment between runs, and its size per run.</summary>
public sealed class SegmentChangesTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    [Fact]
    public async Task Changes_default_to_the_active_run_against_the_one_before_and_say_where_customers_went()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));
        var march = (await Host.RunAsync("2024-03-31")).GetProperty("runId").GetString();
        var april = (await Host.RunAsync("2024-04-10")).GetProperty("runId").GetString();
        var dNow = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/D")).GetProperty("rfm").GetProperty("segment").GetString();

        var changes = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rfm:Lost/changes");

        // D (111 Lost in March) ordered again on 2024-04-05 for 999.
        Assert.Equal((march, april), (changes.GetProperty("fromRun").GetProperty("runId").GetString(), changes.GetProperty("toRun").GetProperty("runId").GetString()));
        Assert.NotEqual("Lost", dNow);
        var left = changes.GetProperty("left").EnumerateArray().Single(m => m.GetProperty("customerId").GetString() == "D");
        Assert.Equal(("Lost", dNow), (left.GetProperty("from").GetString(), left.GetProperty("to").GetString()));
        Assert.Equal(changes.GetProperty("left").GetArrayLength(), changes.GetProperty("leftCount").GetInt32());
        Assert.DoesNotContain(changes.GetProperty("entered").EnumerateArray(), m => m.GetProperty("customerId").GetString() == "D");
    }

    [Fact]
    public async Task Changes_with_explicit_runs_in_reverse_show_the_opposite_move()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));
        var march = (await Host.RunAsync("2024-03-31")).GetProperty("runId").GetString();
        var april = (await Host.RunAsync("2024-04-10")).GetProperty("runId").GetString();

        var changes = await Host.Http.GetFromJsonAsync<JsonElement>($"/api/segments/rfm:Lost/changes?fromRun={april}&toRun={march}");

        var entered = changes.GetProperty("entered").EnumerateArray().Single(m => m.GetProperty("customerId").GetString() == "D");
        Assert.Equal("Lost", entered.GetProperty("to").GetString());
    }

    [Fact]
    public async Task Changes_against_an_unknown_run_are_404()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));
        await Host.RunAsync("2024-03-31");

        using var response = await Host.Http.GetAsync("/api/segments/rfm:Lost/changes?fromRun=20000101T000000000Z-0000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("RunNotFound", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task History_gives_the_size_in_every_succeeded_run_oldest_first()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));
        var runs = new List<JsonElement> { await Host.RunAsync("2024-03-31"), await Host.RunAsync("2024-04-10") };

        var history = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rfm:Lost/history");

        Assert.Equal("rfm:Lost", history.GetProperty("segment").GetString());
        var points = history.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(runs.Select(r => r.GetProperty("runId").GetString()), points.Select(p => p.GetProperty("runId").GetString()));
        Assert.Equal(
            runs.Select(r => r.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Lost").GetProperty("customers").GetInt32()),
            points.Select(p => p.GetProperty("customers").GetInt32()));
        Assert.Equal(1, points[0].GetProperty("customers").GetInt32());
    }

    [Fact]
    public async Task History_of_an_unknown_segment_is_404()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));
        await Host.RunAsync("2024-03-31");

        using var response = await Host.Http.GetAsync("/api/segments/rfm:Nope/history");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
