using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Segments.Core.Experiments;
using Segments.Integration.Tests.Fixtures;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Delivery;
using Segments.Pipeline.Ingest;
using Segments.Pipeline.Recompute;
using Segments.Storage.Account;
using Segments.Storage.Blobs;
using Segments.Storage.Deliveries;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Integration.Tests.Scale;

/// <summary>
/// A bucketed run of a store with customer exports and experiments writes what a run scoring the whole population
/// writes: each customer's experiment groups and profile columns, the experiment group sizes, reach and profile counts of
/// the run record, the segment profiles (age and gender mixes included); and, comparing its rows with the previous
/// generation partition by partition, the same outbox (batches, their events in the same order, entered and exited
/// counts) and the same audience files, with control-group and non-consenting customers held back alike.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BucketedOutboxTests(AzuriteFixture azurite)
{
    private const string Destinations = """
        {"destinations": [
          {"name": "crm", "kind": "webhook", "url": "http://127.0.0.1:9/hook", "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
           "segments": ["lifecycle:*", "rfm:*"], "batchSize": 100, "fields": "segments"},
          {"name": "lists", "kind": "audience-files", "segments": ["lifecycle:At Risk", "rfm:Champions"], "consent": "email"}
        ]}
        """;

    private const string Experiments = """{"experiments":[{"name":"winback","segment":"lifecycle:At Risk","controlShare":0.3},{"name":"welcome","segment":"lifecycle:Active","controlShare":0.3}]}""";

    [Fact]
    public async Task A_bucketed_run_with_customers_and_experiments_writes_the_groups_insights_outbox_and_audience_files_of_a_whole_population_run()
    {
        var whole = await OutboxOfSecondRunAsync(bucketed: false);
        var bucketed = await OutboxOfSecondRunAsync(bucketed: true);

        Assert.True(whole.Deliveries.Count > 3, $"{whole.Deliveries.Count} deliveries: the runs must move customers");
        Assert.Contains(whole.Deliveries, d => d.Contains("\"exited\"", StringComparison.Ordinal));
        Assert.Contains(whole.Deliveries, d => d.Contains("\"group\"", StringComparison.Ordinal));
        Assert.Equal(whole.Deliveries, bucketed.Deliveries);
        Assert.True(whole.AudienceFiles.Count >= 5, $"{whole.AudienceFiles.Count} audience files");
        Assert.Equal(whole.AudienceFiles, bucketed.AudienceFiles);

        Assert.Contains("\"Control\":", whole.Insights, StringComparison.Ordinal);
        Assert.Contains("\"AgeBands\":{\"KnownCustomers\":", whole.Insights, StringComparison.Ordinal);
        Assert.Equal(whole.Insights, bucketed.Insights);
        Assert.True(whole.Rows.Count(r => r.Contains("ExperimentGroups=[", StringComparison.Ordinal)) > 100, "customers in experiments");
        Assert.Equal(whole.Rows, bucketed.Rows);
    }

    /// <summary>
    /// From an empty account: the sample with its customers, an experiment and the destinations; a whole-population
    /// run as of 2011-09-01, then the run under test as of 2011-12-10. Returns that run's deliveries (ledger counts and
    /// payload events, in batch order) and audience files, with run ids and times replaced by placeholders.
    /// </summary>
    private async Task<(List<string> Deliveries, SortedDictionary<string, string> AudienceFiles, string Insights, List<string> Rows)> OutboxOfSecondRunAsync(bool bucketed)
    {
        await azurite.ResetAsync();
        var experimentKey = Options.Create(new ExperimentOptions { HashKey = "bucketed-outbox-tests" });
        await using var first = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString).AddSingleton(experimentKey).BuildServiceProvider();
        await using var second = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString).AddSingleton(experimentKey)
            .AddSingleton(Options.Create(new SegmentsOptions { BucketedRuns = bucketed }))
            .BuildServiceProvider();
        var account = first.GetRequiredService<StorageAccount>();
        await account.EnsureReadyAsync(CancellationToken.None);
        var config = new ConfigStore(account);
        await config.WriteTextAsync(DestinationConfig.BlobName, Destinations, CancellationToken.None);
        await config.WriteTextAsync(ExperimentLoader.BlobName, Experiments, CancellationToken.None);
        var ingest = first.GetRequiredService<ExportIngestHandlers>();
        await ingest.Orders.IngestAsync(await UploadAsync(account, StorageNames.TransactionsContainer, "sample.csv", RepositoryPaths.Sample), CancellationToken.None);
        await ingest.Profiles.IngestAsync(await UploadAsync(account, StorageNames.CustomersContainer, "customers.csv", RepositoryPaths.CustomersSample), CancellationToken.None);

        var from = await RunAsync(first, new DateOnly(2011, 9, 1));
        var to = await RunAsync(second, new DateOnly(2011, 12, 10));

        string Placeholders(string text) => text.Replace(to.RunId, "<run>", StringComparison.Ordinal).Replace(from.RunId, "<previous>", StringComparison.Ordinal);
        var payloads = first.GetRequiredService<OutboxPayloadStore>();
        var deliveries = new List<string>();
        foreach (var record in (await first.GetRequiredService<DeliveryLedger>().ListForRunAsync(to.RunId, CancellationToken.None)).OrderBy(r => r.Key.Destination, StringComparer.Ordinal).ThenBy(r => r.Key.Batch))
        {
            var events = DeliveryEvents.DecodeBatch(await payloads.ReadAsync(record.PayloadBlob, CancellationToken.None))
                .Select(e => $"{e.Id} {e.Type} {e.Subject} {e.Data}");
            deliveries.Add(Placeholders($"{record.Key.Destination} #{record.Key.Batch}: {record.Events} events, {record.Entered} entered, {record.Exited} exited\n{string.Join('\n', events)}"));
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var audiences = new BlobContainerClient(azurite.ConnectionString, StorageNames.AudiencesContainer);
        await foreach (var blob in audiences.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, AudienceFileStore.FolderOf("lists", to.RunId), CancellationToken.None))
        {
            files[Placeholders(blob.Name)] = Placeholders((await audiences.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        }

        // What the run adds up from its buckets: experiment group sizes, reach, profile counts, segment profiles.
        var profiles = await first.GetRequiredService<SegmentProfileStore>().ReadAsync(to.RunId, CancellationToken.None);
        var insights = JsonSerializer.Serialize(new { to.CustomersScored, to.Experiments, to.ExperimentErrors, to.Reachable, to.Profiles, to.Segments, to.LifecycleStages, to.RuleSegments, to.RfGrid, SegmentProfiles = profiles! with { RunId = "" } });

        // Each customer's experiment groups and profile columns (model outputs left out: they differ in the last bits).
        var rows = new List<string>();
        await foreach (var keyed in first.GetRequiredService<GenerationStore>().ScanAsync(to.GenerationTable!, null, CancellationToken.None))
        {
            var r = keyed.Row;
            rows.Add($"{keyed.Position.PartitionKey} {r.CustomerId} {r.Segment} {r.LifecycleStage} {r.Cluster} ExperimentGroups={JsonSerializer.Serialize(r.ExperimentGroups)} Profile={JsonSerializer.Serialize(r.Profile)}");
        }

        return (deliveries, files, insights, rows);
    }

    private static async Task<RunRecord> RunAsync(ServiceProvider services, DateOnly asOf)
    {
        var request = await services.GetRequiredService<RunRequests>().RequestAsync(asOf, "test", CancellationToken.None);
        var run = await services.GetRequiredService<RecomputeSegmentsHandler>().ExecuteAsync(request.RunId, CancellationToken.None);
        Assert.True(run!.Status == RunStatus.Succeeded, run.Error);
        return run;
    }

    private static async Task<DroppedBlob> UploadAsync(StorageAccount account, string container, string name, string path)
    {
        await using var stream = File.OpenRead(path);
        return await new DropZone(account, container).UploadAsync(name, stream, CancellationToken.None);
    }
}
