using Microsoft.Extensions.DependencyInjection;
using Segments.Integration.Tests.Fixtures;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Ingest;
using Segments.Pipeline.Recompute;
using Segments.Storage.Account;
using Segments.Storage.Blobs;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Integration.Tests.Recompute;

/// <summary>
/// The active pointer only moves forward, cleanup never deletes the generation lookups read, and a run that
/// cannot describe the data (as-of outside it, or no customers where the active run has some) fails saying
/// why while the previous generation stays active. The handlers run on their own, without a host, so the
/// test decides the order runs execute in.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActivePointerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ServiceProvider _pipeline = null!;

    private RunRequests Requests => _pipeline.GetRequiredService<RunRequests>();

    private RecomputeSegmentsHandler Handler => _pipeline.GetRequiredService<RecomputeSegmentsHandler>();

    private RunLedger Runs => _pipeline.GetRequiredService<RunLedger>();

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _pipeline = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString).BuildServiceProvider();
        await _pipeline.GetRequiredService<StorageAccount>().EnsureReadyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    [Fact]
    public async Task A_run_requested_before_the_active_one_never_becomes_active_when_it_finishes_last()
    {
        await IngestAsync("sample.csv", await File.ReadAllTextAsync(RepositoryPaths.Sample));
        var older = await Requests.RequestAsync(new DateOnly(2011, 12, 10), "test", CancellationToken.None);
        var newer = await Requests.RequestAsync(new DateOnly(2011, 12, 9), "test", CancellationToken.None);

        await Handler.ExecuteAsync(newer.RunId, CancellationToken.None);
        var late = await Handler.ExecuteAsync(older.RunId, CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, late!.Status);
        var active = await Runs.GetActiveAsync(CancellationToken.None);
        Assert.Equal(newer.RunId, active!.RunId);
        Assert.NotNull(await Generations.GetAsync(active.GenerationTable, active.BucketCount, "12662", CancellationToken.None));
    }

    [Fact]
    public async Task Cleanup_never_deletes_the_active_generation_nor_the_one_just_written()
    {
        await IngestAsync("sample.csv", await File.ReadAllTextAsync(RepositoryPaths.Sample));
        var stale = await Requests.RequestAsync(new DateOnly(2011, 12, 10), "test", CancellationToken.None);
        var newer = new List<RunRecord>();
        for (var i = 0; i < RecomputeSegmentsHandler.GenerationsKept; i++)
        {
            var run = await Requests.RequestAsync(new DateOnly(2011, 12, 10), "test", CancellationToken.None);
            await Handler.ExecuteAsync(run.RunId, CancellationToken.None);
            newer.Add(run);
        }

        // The oldest request runs last (a redelivered message): it is the fourth newest when it finishes.
        await Handler.ExecuteAsync(stale.RunId, CancellationToken.None);

        var active = await Runs.GetActiveAsync(CancellationToken.None);
        Assert.Equal(newer[^1].RunId, active!.RunId);
        Assert.NotNull(await Generations.GetAsync(active.GenerationTable, active.BucketCount, "12662", CancellationToken.None));
        Assert.True(await Generations.ExistsAsync(GenerationStore.TableNameFor(stale.RunId), CancellationToken.None), "the generation just written was deleted by its own cleanup");
    }

    [Fact]
    public async Task As_of_before_the_first_order_fails_saying_so_and_the_previous_generation_stays_active()
    {
        await IngestAsync("sample.csv", await File.ReadAllTextAsync(RepositoryPaths.Sample));
        var good = await RunAsync(new DateOnly(2011, 12, 10));

        var early = await RunAsync(new DateOnly(1900, 1, 1));

        Assert.Equal(RunStatus.Failed, early.Status);
        Assert.Equal("as-of 1900-01-01 is before the first order (2010-12-01); the data runs from 2010-12-01 to 2011-12-09", early.Error);
        Assert.Equal(good.RunId, (await Runs.GetActiveAsync(CancellationToken.None))!.RunId);
        Assert.False(await Generations.ExistsAsync(GenerationStore.TableNameFor(early.RunId), CancellationToken.None));
    }

    [Fact]
    public async Task As_of_far_past_the_latest_order_fails_saying_how_far()
    {
        await IngestAsync("sample.csv", await File.ReadAllTextAsync(RepositoryPaths.Sample));
        var good = await RunAsync(new DateOnly(2011, 12, 10));

        var late = await RunAsync(new DateOnly(2013, 1, 1));

        Assert.Equal(RunStatus.Failed, late.Status);
        Assert.StartsWith("as-of 2013-01-01 is 389 days after the latest order (2011-12-09); at most 366 days are allowed (setting Segments:MaxAsOfDaysAfterLatestOrder)", late.Error, StringComparison.Ordinal);
        Assert.Equal(good.RunId, (await Runs.GetActiveAsync(CancellationToken.None))!.RunId);
    }

    [Fact]
    public async Task A_run_with_no_customers_replaces_a_non_empty_generation_only_when_allowed()
    {
        // Before 2011-03-01 the shop only has a cancellation: a run as of then scores nobody.
        await IngestAsync("orders.csv", """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            C500001,22139,RETURN,-1,2011-01-05 10:00:00,5.0,12001.0,United Kingdom
            500002,22139,MUG,2,2011-06-01 10:00:00,5.0,12001.0,United Kingdom
            500003,22139,MUG,4,2011-06-02 10:00:00,5.0,12002.0,United Kingdom
            """);
        var full = await RunAsync(new DateOnly(2011, 6, 30));

        var refused = await RunAsync(new DateOnly(2011, 3, 1));
        var activeAfterRefusal = await Runs.GetActiveAsync(CancellationToken.None);
        var allowedRequest = await Requests.RequestAsync(new DateOnly(2011, 3, 1), "test", CancellationToken.None, allowEmpty: true);
        var allowed = await Handler.ExecuteAsync(allowedRequest.RunId, CancellationToken.None);

        Assert.Equal(2, full.CustomersScored);
        Assert.Equal(RunStatus.Failed, refused.Status);
        Assert.Contains($"the run scored 0 customers as of 2011-03-01, and would hide the 2 customers of active run {full.RunId}", refused.Error, StringComparison.Ordinal);
        Assert.Equal(full.RunId, activeAfterRefusal!.RunId);
        Assert.Equal(RunStatus.Succeeded, allowed!.Status);
        Assert.Equal(allowed.RunId, (await Runs.GetActiveAsync(CancellationToken.None))!.RunId);
    }

    private GenerationStore Generations => _pipeline.GetRequiredService<GenerationStore>();

    private async Task<RunRecord> RunAsync(DateOnly asOf)
    {
        var queued = await Requests.RequestAsync(asOf, "test", CancellationToken.None);
        return (await Handler.ExecuteAsync(queued.RunId, CancellationToken.None))!;
    }

    private async Task IngestAsync(string blobName, string content)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));
        var blob = await new DropZone(_pipeline.GetRequiredService<StorageAccount>()).UploadAsync(blobName, stream, CancellationToken.None);
        await _pipeline.GetRequiredService<ExportIngestHandlers>().Orders.IngestAsync(blob, CancellationToken.None);
    }
}
