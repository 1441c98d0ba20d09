using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Segments.Core.Cost;
using Segments.Integration.Tests.Fixtures;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Ingest;
using Segments.Pipeline.Recompute;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.Runs;
using Xunit.Abstractions;

namespace Segments.Integration.Tests.Cost;

/// <summary>
/// The requests a batch or a run counts are the requests Azurite served for it, service by service and kind by
/// kind. The handlers run on their own, without the host, against an Azurite nobody else uses: no blob poll
/// and no queue listener make requests meanwhile, so every request Azurite logs between the two marks
/// belongs to the execution measured. Each execution then makes one request its cost leaves out: the Table
/// write that stores the cost, after the measurement has ended.
/// </summary>
[Collection(DebugLoggingAzuriteCollection.Name)]
public sealed class CountedRequestsTests(DebugLoggingAzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private ServiceProvider _pipeline = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _pipeline = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString).BuildServiceProvider();
        await _pipeline.GetRequiredService<StorageAccount>().EnsureReadyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    [Fact]
    public async Task Requests_counted_for_a_batch_are_the_requests_azurite_served_for_it()
    {
        // Arrange
        var blob = await UploadAsync("sample/online-retail-sample.csv", RepositoryPaths.Sample);

        // Act
        var (batch, served) = await ServedDuringAsync(() => _pipeline.GetRequiredService<ExportIngestHandlers>().Orders.IngestAsync(blob, CancellationToken.None));

        // Assert
        Assert.Equal(BatchStatus.Accepted, batch.Status);
        Assert.Equal(batch.Usage!.Requests.Add(StorageService.Table, RequestKind.Write), served);
    }

    [Fact]
    public async Task Requests_counted_for_a_run_are_the_requests_azurite_served_for_it()
    {
        // Arrange
        var blob = await UploadAsync("sample/online-retail-sample.csv", RepositoryPaths.Sample);
        await _pipeline.GetRequiredService<ExportIngestHandlers>().Orders.IngestAsync(blob, CancellationToken.None);
        var queued = await _pipeline.GetRequiredService<RunRequests>().RequestAsync(new DateOnly(2011, 12, 10), "test", CancellationToken.None);

        // Act
        var (run, served) = await ServedDuringAsync(() => _pipeline.GetRequiredService<RecomputeSegmentsHandler>().ExecuteAsync(queued.RunId, CancellationToken.None));

        // Assert
        Assert.Equal(RunStatus.Succeeded, run!.Status);
        Assert.Equal(run.Usage!.Requests.Add(StorageService.Table, RequestKind.Write), served);
    }

    [Fact]
    public async Task A_run_counts_its_requests_in_the_stage_that_sent_them()
    {
        // Arrange
        var blob = await UploadAsync("sample/online-retail-sample.csv", RepositoryPaths.Sample);
        await _pipeline.GetRequiredService<ExportIngestHandlers>().Orders.IngestAsync(blob, CancellationToken.None);
        var queued = await _pipeline.GetRequiredService<RunRequests>().RequestAsync(new DateOnly(2011, 12, 10), "test", CancellationToken.None);

        // Act: a run scoring the whole population (a bucketed run writes its rows in the score stage, bucket by bucket).
        await using var whole = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new SegmentsOptions { BucketedRuns = false }))
            .BuildServiceProvider();
        var run = await whole.GetRequiredService<RecomputeSegmentsHandler>().ExecuteAsync(queued.RunId, CancellationToken.None);

        // Assert: reading lists the ledger three times (order exports, then customer exports and behaviour-event
        // exports: none here) and downloads the
        // one batch; scoring reads products.csv, segments.json and experiments.json (all absent: an absent blob is still
        // one read request); writing creates the generation
        // table and writes it in batches, then the segment profiles blob and the recommendations blob; the flip writes the complete run row, reads
        // the pointer (none yet, so no active run row to compare with), writes the pointer, then the row as succeeded.
        var stages = run!.Usage!.Stages;
        Assert.Equal(["housekeeping", "read", "score", "write", "flip"], stages.Keys);
        Assert.Equal(3, stages["read"].Requests.Table.List);
        Assert.True(stages["read"].Requests.Blob.Read >= 1);
        Assert.Equal(new RequestCounts(3, 0, 0, 0, 0), stages["score"].Requests.Blob);
        Assert.Equal(2, stages["write"].Requests.Blob.Write);
        Assert.Equal(0, stages["score"].Requests.Table.Total);
        Assert.Equal(stages["write"].Requests.Table.Total, stages["write"].Requests.Table.Write);
        Assert.Equal(new RequestCounts(1, 3, 0, 0, 0), stages["flip"].Requests.Table);
    }

    [OnlineRetailFact]
    public async Task Requests_counted_for_the_full_online_retail_file_are_the_requests_azurite_served()
    {
        // Arrange
        var blob = await UploadAsync("uci/online_retail_2010-2011.csv", RepositoryPaths.OnlineRetail);

        // Act
        var (batch, servedForBatch) = await ServedDuringAsync(() => _pipeline.GetRequiredService<ExportIngestHandlers>().Orders.IngestAsync(blob, CancellationToken.None));
        var queued = await _pipeline.GetRequiredService<RunRequests>().RequestAsync(new DateOnly(2011, 12, 10), "test", CancellationToken.None);
        var (run, servedForRun) = await ServedDuringAsync(() => _pipeline.GetRequiredService<RecomputeSegmentsHandler>().ExecuteAsync(queued.RunId, CancellationToken.None));

        // Assert
        output.WriteLine($"batch usage: {JsonSerializer.Serialize(batch.Usage, Indented)}");
        output.WriteLine($"batch costUsd: {JsonSerializer.Serialize(batch.CostUsd, Indented)}");
        output.WriteLine($"run usage: {JsonSerializer.Serialize(run!.Usage, Indented)}");
        output.WriteLine($"run costUsd: {JsonSerializer.Serialize(run.CostUsd, Indented)}");
        Assert.Equal(OnlineRetailReference.Customers, run.CustomersScored);
        Assert.Equal(batch.Usage!.Requests.Add(StorageService.Table, RequestKind.Write), servedForBatch);
        Assert.Equal(run.Usage!.Requests.Add(StorageService.Table, RequestKind.Write), servedForRun);
    }

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Runs <paramref name="execute"/> between two marks and tallies what Azurite served in between.</summary>
    private async Task<(T Result, StorageRequests Served)> ServedDuringAsync<T>(Func<Task<T>> execute)
    {
        var from = await azurite.DebugLog.MarkAsync();
        var result = await execute();
        var to = await azurite.DebugLog.MarkAsync();
        var served = azurite.DebugLog.Between(from, to);
        foreach (var group in served.GroupBy(r => (r.Service, r.Operation)))
        {
            output.WriteLine($"served: {group.Key.Service,-5} {group.Key.Operation,-42} {group.Count(),6}");
        }

        return (result, BilledOperationKinds.Tally(served));
    }

    private async Task<DroppedBlob> UploadAsync(string blobName, string path)
    {
        await using var stream = File.OpenRead(path);
        return await _pipeline.GetRequiredService<DropZone>().UploadAsync(blobName, stream, CancellationToken.None);
    }
}
