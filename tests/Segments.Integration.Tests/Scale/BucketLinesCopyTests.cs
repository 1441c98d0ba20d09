using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Segments.Core.Scale;
using Segments.Integration.Tests.Fixtures;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Ingest;
using Segments.Pipeline.Recompute;
using Segments.Pipeline.Scale;
using Segments.Pipeline.State;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.State;

namespace Segments.Integration.Tests.Scale;

/// <summary>
/// Pass 1 of a bucketed run reads each bucket's lines from the state and keeps a copy for the run
/// (<see cref="RunWorkBlobs.LinesOf"/>); the later passes read the copy, so the state's files are read once per run.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BucketLinesCopyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _services = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString)
            .AddSingleton(Options.Create(new SegmentsOptions { BucketedRuns = true }))
            .BuildServiceProvider();
        await _services.GetRequiredService<StorageAccount>().EnsureReadyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Pass_1_keeps_each_bucket_s_lines_as_the_state_gave_them_and_the_rank_pass_reads_that_copy_not_the_state()
    {
        using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(await File.ReadAllTextAsync(RepositoryPaths.Sample))))
        {
            var blob = await new DropZone(_services.GetRequiredService<StorageAccount>()).UploadAsync("sample.csv", stream, CancellationToken.None);
            await _services.GetRequiredService<ExportIngestHandlers>().Orders.IngestAsync(blob, CancellationToken.None);
        }

        var runId = (await _services.GetRequiredService<RunRequests>().RequestAsync(new DateOnly(2011, 12, 10), "test", CancellationToken.None)).RunId;
        var accepted = AcceptedBatches.NewestFirst(await _services.GetRequiredService<BatchLedger>().ListAsync(CancellationToken.None));
        var state = _services.GetRequiredService<RunStateReader>();
        var manifest = (await state.RefreshAsync(runId, accepted, CancellationToken.None)).Manifest;
        var work = _services.GetRequiredService<BucketWork>();
        var blobs = _services.GetRequiredService<RunWorkBlobs>();
        var fromState = new List<List<Segments.Core.Transactions.TransactionLine>>();
        PopulationSummary? merged = null;
        for (var bucket = 0; bucket < manifest.BucketCount; bucket++)
        {
            await work.SummariseAsync(runId, bucket, CancellationToken.None);
            fromState.Add((await state.ReadBucketAsync(manifest, bucket, CancellationToken.None)).ConvertAll(l => l.Line));
            Assert.Equal(fromState[bucket], await work.ReadRunLinesAsync(runId, bucket, CancellationToken.None));
            var summary = PopulationSummaryFormat.FromBytes(await blobs.ReadAsync(RunWorkBlobs.SummaryOf(runId, bucket), CancellationToken.None), "summary");
            if (merged is null)
            {
                merged = summary;
            }
            else
            {
                merged.Add(summary);
            }
        }

        Assert.True(fromState.Sum(l => l.Count) > 1000, $"{fromState.Sum(l => l.Count)} lines");
        await blobs.WriteAsync(RunWorkBlobs.MergedSummaryOf(runId), PopulationSummaryFormat.ToBytes(merged!), CancellationToken.None);

        // The state's bucket files made unreadable: a pass that read them would fail.
        var container = new BlobContainerClient(azurite.ConnectionString, StorageNames.StateContainer);
        var corrupted = 0;
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, StateLayout.PrefixOf(StateLayout.DefaultStore) + "bucket=", CancellationToken.None))
        {
            await container.GetBlobClient(blob.Name).UploadAsync(BinaryData.FromString("not a parquet file"), overwrite: true);
            corrupted++;
        }

        Assert.True(corrupted > 0);
        var model = BucketedScoring.Fit(merged!, _services.GetRequiredService<IOptions<Segments.Core.Segmentation.PredictionOptions>>().Value);
        for (var bucket = 0; bucket < manifest.BucketCount; bucket++)
        {
            await work.RankAsync(runId, bucket, CancellationToken.None);
            var ranked = SpendRankFormat.RankingFromBytes(await blobs.ReadAsync(RunWorkBlobs.RankingOf(runId, bucket), CancellationToken.None), "ranking");
            Assert.Equal(BucketedScoring.Rank(fromState[bucket], model).Keys, ranked.Keys);
        }

        // The copy is in the run's own container, and goes with it.
        var copy = new BlobContainerClient(azurite.ConnectionString, RunWorkBlobs.ContainerOf(runId)).GetBlobClient($"lines/bucket={0:D4}.bin");
        Assert.True(await copy.ExistsAsync());
        Assert.True(await blobs.DeleteRunAsync(runId, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => work.ReadRunLinesAsync(runId, 0, CancellationToken.None));
        Assert.Contains($"{RunWorkBlobs.ContainerOf(runId)}/lines/bucket=0000.bin is missing", missing.Message, StringComparison.Ordinal);
        Assert.False(await blobs.DeleteRunAsync(runId, CancellationToken.None));
    }
}
