using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Integration.Tests.Recompute;

/// <summary>A run writes a whole new generation before lookups see it; a failed run changes nothing.</summary>
public sealed class GenerationTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    [Fact]
    public async Task A_later_run_flips_lookups_to_its_own_generation()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));
        var march = await Host.RunAsync("2024-03-31");
        var april = await Host.RunAsync("2024-04-10");

        var d = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/D");

        // As of 2024-04-10 D's order o10 (2024-04-05, 999) counts: 5 days, 2 orders, 1,009.
        Assert.Equal(april.GetProperty("runId").GetString(), d.GetProperty("runId").GetString());
        Assert.Equal("2024-04-10", d.GetProperty("asOf").GetString());
        Assert.Equal((5, 2, 1009m), (d.GetProperty("rfm").GetProperty("recencyDays").GetInt32(), d.GetProperty("rfm").GetProperty("frequency").GetInt32(), d.GetProperty("rfm").GetProperty("monetary").GetDecimal()));

        // The March generation is a table of its own and still holds the March values.
        var marchRow = await new GenerationStore(Host.Storage).GetAsync(
            GenerationStore.TableNameFor(march.GetProperty("runId").GetString()!), CustomerBucket.DefaultCount, "D", CancellationToken.None);
        Assert.Equal((304, 1, 10m), (marchRow!.RecencyDays, marchRow.Frequency, marchRow.Monetary));
    }

    [Fact]
    public async Task A_failed_run_leaves_the_previous_generation_active()
    {
        var batch = await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));
        var good = await Host.RunAsync("2024-03-31");
        await Host.Storage.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer)
            .DeleteBlobAsync(batch.GetProperty("normalizedBlob").GetString());

        var bad = await Host.RunAsync("2024-04-10");

        Assert.Equal("failed", bad.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(bad.GetProperty("error").GetString()));
        var a = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/A");
        Assert.Equal(good.GetProperty("runId").GetString(), a.GetProperty("runId").GetString());
        var tables = new List<string>();
        await foreach (var table in Host.Storage.Tables.QueryAsync())
        {
            tables.Add(table.Name);
        }

        Assert.DoesNotContain(GenerationStore.TableNameFor(bad.GetProperty("runId").GetString()!), tables);
    }

    [Fact]
    public async Task Only_the_newest_generations_are_kept()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));
        var runs = new List<string>();
        foreach (var asOf in new[] { "2024-03-31", "2024-04-01", "2024-04-02", "2024-04-03" })
        {
            runs.Add((await Host.RunAsync(asOf)).GetProperty("runId").GetString()!);
        }

        var tables = new List<string>();
        await foreach (var table in Host.Storage.Tables.QueryAsync(t => t.Name.CompareTo("Rfm") >= 0 && t.Name.CompareTo("Rfn") < 0))
        {
            tables.Add(table.Name);
        }

        Assert.Equal(runs.Skip(1).Select(GenerationStore.TableNameFor).Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Run_ledger_keeps_counts_and_stage_durations()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));

        var run = await Host.RunAsync("2024-03-31");

        var stored = await new RunLedger(Host.Storage).GetAsync(run.GetProperty("runId").GetString()!, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(RunStatus.Succeeded, stored.Status);
        Assert.Equal(new DateOnly(2024, 3, 31), stored.AsOf);
        Assert.Equal((1, 10L, 5), (stored.BatchesRead, stored.TransactionsRead, stored.CustomersScored));
        Assert.Equal(["flip", "read", "score", "write"], stored.StageDurationsMs.Keys.Order(StringComparer.Ordinal));
        Assert.NotNull(stored.FinishedAt);
    }
}
