using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Cost;

/// <summary>What the API shows of the usage and cost of batches and runs.</summary>
public sealed class CostApiTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    [Fact]
    public async Task Batch_listing_shows_what_an_ingestion_used_and_cost()
    {
        var batch = await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));

        var ingest = batch.GetProperty("usage").GetProperty("stages").GetProperty("ingest");
        Assert.True(ingest.GetProperty("requests").GetProperty("blob").GetProperty("total").GetInt64() > 0);
        Assert.True(ingest.GetProperty("wallMs").GetInt64() >= 0);
        var cost = batch.GetProperty("costUsd");
        Assert.Equal(("USD", "bundled config/rates.json", 2048), (cost.GetProperty("currency").GetString(), cost.GetProperty("ratesOrigin").GetString(), cost.GetProperty("instanceMemoryMb").GetInt32()));
        Assert.Equal(
            cost.GetProperty("total").GetDecimal(),
            cost.GetProperty("stages").GetProperty("ingest").GetProperty("total").GetDecimal() + cost.GetProperty("billingRounding").GetDecimal());
    }

    [Fact]
    public async Task Run_shows_its_cost_stage_by_stage()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));

        var run = await Host.RunAsync("2024-03-31");

        var cost = run.GetProperty("costUsd");
        var stages = cost.GetProperty("stages").EnumerateObject().ToList();
        Assert.Equal(["housekeeping", "read", "score", "write", "flip"], stages.Select(s => s.Name));
        Assert.Equal(cost.GetProperty("total").GetDecimal(), stages.Sum(s => s.Value.GetProperty("total").GetDecimal()) + cost.GetProperty("billingRounding").GetDecimal());
        Assert.True(cost.GetProperty("billedMs").GetInt64() >= 1000);
        Assert.Equal(["read", "score", "write", "flip"], run.GetProperty("stageDurationsMs").EnumerateObject().Select(p => p.Name));
        // Five customers land in five partitions: at least one batch each, one transaction per batch; written in the
        // write stage, or (a bucketed run, the default) in the score stage, as each bucket is scored.
        var stageUsage = run.GetProperty("usage").GetProperty("stages");
        Assert.True(new[] { "score", "write" }.Sum(s => stageUsage.GetProperty(s).GetProperty("requests").GetProperty("table").GetProperty("write").GetInt64()) >= 5);
    }

    [Fact]
    public async Task A_failed_run_still_shows_its_cost()
    {
        var batch = await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));
        await Host.Storage.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer).DeleteBlobAsync(batch.GetProperty("normalizedBlob").GetString());

        var run = await Host.RunAsync("2024-03-31");

        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.True(run.GetProperty("costUsd").GetProperty("total").GetDecimal() > 0m);
    }

    [Fact]
    public async Task Rates_in_the_config_container_replace_the_bundled_ones()
    {
        var rates = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "config", "rates.json"))
            .Replace("\"asOf\": \"2026-04-30\",\n  \"sources\"", "\"asOf\": \"2030-01-01\",\n  \"sources\"", StringComparison.Ordinal);
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        await new ConfigStore(Host.Storage).WriteTextAsync("rates.json", rates, CancellationToken.None);
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));

        var run = await Host.RunAsync("2024-03-31");

        var cost = run.GetProperty("costUsd");
        Assert.Equal(("blob config/rates.json", "2030-01-01"), (cost.GetProperty("ratesOrigin").GetString(), cost.GetProperty("ratesAsOf").GetString()));
    }

    [Fact]
    public async Task Unusable_rates_in_the_config_container_fall_back_to_the_bundled_ones()
    {
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        await new ConfigStore(Host.Storage).WriteTextAsync("rates.json", "{\"currency\":\"EUR\"}", CancellationToken.None);
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));

        var run = await Host.RunAsync("2024-03-31");

        Assert.Equal("bundled config/rates.json", run.GetProperty("costUsd").GetProperty("ratesOrigin").GetString());
    }
}
