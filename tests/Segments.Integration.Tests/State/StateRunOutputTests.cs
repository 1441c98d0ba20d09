using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Segments.Integration.Tests.Fixtures;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Ingest;
using Segments.Pipeline.Recompute;
using Segments.Storage.Account;
using Segments.Storage.Blobs;
using Segments.Storage.Runs;

namespace Segments.Integration.Tests.State;

/// <summary>
/// A run that reads the state gives the generation a run reading every batch gives: the same rows, customer by
/// customer, and the same summaries, after a first batch (state built) and after corrections (state merged).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StateRunOutputTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateOnly AsOf = new(2011, 12, 10);

    private ServiceProvider _withState = null!;
    private ServiceProvider _withoutState = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        // Both score the whole population, so the records are equal to the last bit: reading the state is what differs
        // (a bucketed run's model outputs are within 1e-6 relative, BucketedRunOutputTests).
        _withState = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString)
            .AddSingleton(Options.Create(new SegmentsOptions { BucketedRuns = false }))
            .BuildServiceProvider();
        _withoutState = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString)
            .AddSingleton(Options.Create(new SegmentsOptions { ReadRunsFromState = false }))
            .BuildServiceProvider();
        await _withState.GetRequiredService<StorageAccount>().EnsureReadyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _withState.DisposeAsync();
        await _withoutState.DisposeAsync();
    }

    [Fact]
    public async Task A_run_from_the_state_writes_the_generation_a_run_over_every_batch_writes()
    {
        // The sample split in two by date, then corrections: invoices of the first half re-exported with other
        // quantities, and one of them under another customer.
        var lines = await File.ReadAllLinesAsync(RepositoryPaths.Sample);
        var header = lines[0];
        var rows = lines.Skip(1).Where(l => l.Length > 0).ToList();
        var early = rows.Where(r => string.CompareOrdinal(r.Split(',')[4], "2011-06-01") < 0).ToList();
        var late = rows.Except(early).ToList();
        var invoices = early.Select(r => r.Split(',')[0]).Distinct().Take(3).ToList();
        var corrections = early.Where(r => invoices.Contains(r.Split(',')[0]))
            .Select(r => r.Split(','))
            .Select(f => string.Join(',', f[0], f[1], f[2], "1", f[4], f[5], f[0] == invoices[0] ? "17850.0" : f[6], f[7]))
            .ToList();
        Assert.NotEmpty(corrections);

        await IngestAsync("early.csv", header, early);
        var (fromState, fromBatches) = await RunBothAsync();
        await AssertSameGenerationAsync(fromState, fromBatches);

        await IngestAsync("late.csv", header, late);
        await IngestAsync("corrections.csv", header, corrections);
        (fromState, fromBatches) = await RunBothAsync();
        await AssertSameGenerationAsync(fromState, fromBatches);
        Assert.Equal(3, fromState.BatchesRead);
    }

    private async Task<(RunRecord FromState, RunRecord FromBatches)> RunBothAsync()
    {
        var first = await _withState.GetRequiredService<RunRequests>().RequestAsync(AsOf, "test", CancellationToken.None);
        var fromState = await _withState.GetRequiredService<RecomputeSegmentsHandler>().ExecuteAsync(first.RunId, CancellationToken.None);
        var second = await _withoutState.GetRequiredService<RunRequests>().RequestAsync(AsOf, "test", CancellationToken.None);
        var fromBatches = await _withoutState.GetRequiredService<RecomputeSegmentsHandler>().ExecuteAsync(second.RunId, CancellationToken.None);
        Assert.Equal((RunStatus.Succeeded, RunStatus.Succeeded), (fromState!.Status, fromBatches!.Status));
        return (fromState, fromBatches);
    }

    private async Task AssertSameGenerationAsync(RunRecord fromState, RunRecord fromBatches)
    {
        Assert.Equal(
            (fromBatches.CustomersScored, fromBatches.TransactionsRead, fromBatches.BatchesRead),
            (fromState.CustomersScored, fromState.TransactionsRead, fromState.BatchesRead));
        Assert.Equal(fromBatches.Segments, fromState.Segments);
        Assert.Equal(fromBatches.LifecycleStages, fromState.LifecycleStages);
        Assert.Equal(fromBatches.RuleSegments, fromState.RuleSegments);
        Assert.Equal(Json(fromBatches.LifecycleThresholds), Json(fromState.LifecycleThresholds));
        Assert.Equal(Json(fromBatches.RfGrid), Json(fromState.RfGrid));
        Assert.Equal(Json(fromBatches.Predictions), Json(fromState.Predictions));

        var expected = await EntitiesAsync(fromBatches.GenerationTable!);
        var actual = await EntitiesAsync(fromState.GenerationTable!);
        Assert.True(expected.Count > 0);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, row) in expected)
        {
            Assert.Equal(row, actual[key]);
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    /// <summary>Every row of a generation table, its properties as text (Timestamp and ETag left out).</summary>
    private async Task<Dictionary<string, string>> EntitiesAsync(string table)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entity in new TableServiceClient(azurite.ConnectionString).GetTableClient(table).QueryAsync<TableEntity>())
        {
            var properties = entity.Keys
                .Where(k => k is not ("Timestamp" or "odata.etag"))
                .Order(StringComparer.Ordinal)
                .Select(k => $"{k}={Convert.ToString(entity[k], System.Globalization.CultureInfo.InvariantCulture)}");
            rows[entity.PartitionKey + "/" + entity.RowKey] = string.Join('\n', properties);
        }

        return rows;
    }

    private async Task IngestAsync(string blobName, string header, IEnumerable<string> rows)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(header + "\n" + string.Join('\n', rows) + "\n"));
        var blob = await new DropZone(_withState.GetRequiredService<StorageAccount>()).UploadAsync(blobName, stream, CancellationToken.None);
        await _withState.GetRequiredService<ExportIngestHandlers>().Orders.IngestAsync(blob, CancellationToken.None);
    }
}
