using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Xunit.Abstractions;

namespace Segments.Integration.Tests.Faults;

/// <summary>
/// A bucketed run fanned out on the bucket-work queue across two host processes sharing one Azurite: both do bucket
/// work (the progress rows name them), killing the one that does not coordinate the run mid-run still ends in one
/// generation identical to a run done by one process alone, and nothing of the passes is left behind.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class BucketFanOutTests(RestartableAzuriteFixture storage, ITestOutputHelper output) : IClassFixture<RestartableAzuriteFixture>
{
    private static readonly Dictionary<string, string> FanOut = new()
    {
        ["Segments__BucketedRuns"] = "true",
        ["Segments__BucketWorkOnQueue"] = "true",
        ["Segments__BucketWorkVisibilitySeconds"] = "5",
        ["Segments__Recommendations__Enabled"] = "false",
    };

    [Fact]
    public async Task Killing_the_worker_that_does_not_coordinate_mid_run_still_gives_the_generation_of_one_process()
    {
        await storage.ResetAsync();
        var one = await FaultHost.StartAsync(storage.ConnectionString, FanOut);
        var two = await FaultHost.StartAsync(storage.ConnectionString, FanOut);
        await using var survivorOne = one;
        await using var survivorTwo = two;
        var pids = new Dictionary<FaultHost, int> { [one] = one.ProcessId, [two] = two.ProcessId };
        await FaultData.UploadSampleAsync(storage.ConnectionString, "sample.csv");
        await one.WaitForBatchAsync("sample.csv");

        var runId = await one.RequestRunAsync(FaultData.AsOf);
        var workers = new Dictionary<string, string>(StringComparer.Ordinal);
        string? coordinator = null;
        FaultHost? killed = null;
        var progress = new TableClient(storage.ConnectionString, StorageNames.BucketProgressTable);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            await foreach (var row in progress.QueryAsync<TableEntity>(e => e.PartitionKey == runId))
            {
                workers[row.RowKey] = row.GetString("Worker");
            }

            coordinator ??= workers.GetValueOrDefault("run-0000");
            if (killed is null && coordinator is not null)
            {
                var other = coordinator.EndsWith($"/{pids[one]}", StringComparison.Ordinal) ? two : one;
                if (workers.Values.Any(w => w.EndsWith($"/{pids[other]}", StringComparison.Ordinal)))
                {
                    // The other host has done bucket work and is still at it: killed without warning, its item in hand reappears.
                    output.WriteLine($"killing host {pids[other]} after {workers.Count - 1} items done");
                    await other.KillAsync();
                    killed = other;
                }
            }

            var run = await (killed == one ? two : one).GetRunAsync(runId);
            if (run.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                break;
            }

            await Task.Delay(100);
        }

        var survivor = killed == one ? two : one;
        var fannedOut = await survivor.WaitForRunAsync(runId);
        Assert.NotNull(killed);
        Assert.Equal("succeeded", fannedOut.GetProperty("status").GetString());
        var byWorker = workers.Where(w => w.Key != "run-0000").GroupBy(w => w.Value).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine(string.Join(", ", byWorker.Select(w => $"{w.Key}: {w.Value} items")));
        Assert.Contains(byWorker.Keys, w => w.EndsWith($"/{pids[killed!]}", StringComparison.Ordinal));
        Assert.Contains(byWorker.Keys, w => w.EndsWith($"/{pids[survivor]}", StringComparison.Ordinal));
        Assert.EndsWith($"/{pids[survivor]}", coordinator);

        // The same data run again by the surviving process alone.
        var alone = await survivor.WaitForRunAsync(await survivor.RequestRunAsync(FaultData.AsOf));
        Assert.Equal("succeeded", alone.GetProperty("status").GetString());
        Assert.Equal(Counts(alone), Counts(fannedOut));
        var expected = await RowsAsync(StorageLeftovers.TableOf(alone.GetProperty("runId").GetString()!));
        var actual = await RowsAsync(StorageLeftovers.TableOf(runId));
        Assert.True(expected.Count > 100, $"{expected.Count} rows");
        Assert.Equal(expected, actual);

        // Nothing of either run's passes is left: no work blobs, no progress rows.
        Assert.Empty(await StorageLeftovers.RunWorkAsync(storage.ConnectionString));
        var rows = new List<string>();
        await foreach (var row in progress.QueryAsync<TableEntity>())
        {
            rows.Add(row.PartitionKey + "/" + row.RowKey);
        }

        Assert.Empty(rows);
    }

    private static string Counts(JsonElement run) => string.Join(
        '\n',
        new[] { "batchesRead", "transactionsRead", "customersScored", "segments", "predictions" }.Select(name => $"{name}={run.GetProperty(name).GetRawText()}"));

    /// <summary>Every row of a generation table, its properties as text (Timestamp and ETag left out).</summary>
    private async Task<Dictionary<string, string>> RowsAsync(string table)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entity in new TableServiceClient(storage.ConnectionString).GetTableClient(table).QueryAsync<TableEntity>())
        {
            rows[entity.PartitionKey + "/" + entity.RowKey] = string.Join(
                '\n',
                entity.Keys.Where(k => k is not ("Timestamp" or "odata.etag")).Order(StringComparer.Ordinal)
                    .Select(k => $"{k}={Convert.ToString(entity[k], System.Globalization.CultureInfo.InvariantCulture)}"));
        }

        return rows;
    }
}
