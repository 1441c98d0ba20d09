using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Segments.Core.Synthetic;
using Segments.Integration.Tests.Fixtures;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Ingest;
using Segments.Pipeline.Recompute;
using Segments.Storage.Account;
using Segments.Storage.Blobs;
using Segments.Storage.Runs;

namespace Segments.Integration.Tests.Scale;

/// <summary>
/// A run scored bucket by bucket (Segments:BucketedRuns) writes the generation and the run record a run scoring the
/// whole population writes: every row, every segment size, the models, the segment profiles; and leaves none of
/// its passes' blobs behind.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BucketedRunOutputTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Rules = """
        {"segments": [
          {"name": "Frequent UK", "description": "", "query": "orders >= 3 AND country = 'United Kingdom'"},
          {"name": "Likely alive and valuable", "description": "", "query": "p_alive > 0.6 AND clv > 100"}
        ]}
        """;

    private readonly CapturedLogs _logs = new();
    private ServiceProvider _bucketed = null!;
    private ServiceProvider _whole = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _bucketed = new ServiceCollection().AddLogging(l => l.AddProvider(_logs)).AddSegmentsPipeline(azurite.ConnectionString)
            .AddSingleton(Options.Create(new SegmentsOptions { BucketedRuns = true }))
            .BuildServiceProvider();
        _whole = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString)
            .AddSingleton(Options.Create(new SegmentsOptions { BucketedRuns = false }))
            .BuildServiceProvider();
        await _bucketed.GetRequiredService<StorageAccount>().EnsureReadyAsync(CancellationToken.None);
        await new ConfigStore(_bucketed.GetRequiredService<StorageAccount>()).WriteTextAsync(RuleSegmentLoader.BlobName, Rules, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _bucketed.DisposeAsync();
        await _whole.DisposeAsync();
    }

    [Fact]
    public async Task A_bucketed_run_of_the_sample_writes_the_generation_and_record_of_a_whole_population_run_and_sweeps_a_dead_runs_blobs()
    {
        await IngestAsync("sample.csv", await File.ReadAllTextAsync(RepositoryPaths.Sample));
        // What a coordinator that died mid-run left: the next bucketed run removes it.
        var dead = new BlobContainerClient(azurite.ConnectionString, Segments.Pipeline.Scale.RunWorkBlobs.ContainerOf("20111209-dead"));
        await dead.CreateAsync();
        await dead.GetBlobClient("summary/bucket=0003.bin").UploadAsync(BinaryData.FromString("left over"));
        await AssertSameRunsAsync(new DateOnly(2011, 12, 10));
    }

    [Fact]
    public async Task A_bucketed_run_logs_the_process_s_peak_memory_once_as_each_stage_and_pass_ends()
    {
        await IngestAsync("sample.csv", await File.ReadAllTextAsync(RepositoryPaths.Sample));

        var run = await RunAsync(_bucketed, new DateOnly(2011, 12, 10));

        var memory = new System.Text.RegularExpressions.Regex($@"Run {run.RunId}: (.+) ended; peak RSS so far (\d+) MiB \(VmHWM\), GC heap (\d+) MiB");
        var lines = _logs.Lines.Select(l => memory.Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(
            [
                "housekeeping", "state refresh", "pass 'summarise'", "read", "pass 'rank'", "pass 'score'",
                "recommender: candidates fitted", "recommender: candidates measured", "recommender: served model fitted",
                "score", "write", "flip", "housekeeping",
            ],
            lines.Select(m => m.Groups[1].Value));
        // The peak only grows, and a host holding the sample has more than 10 MiB resident.
        var peaks = lines.Select(m => long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(peaks[0] > 10, $"{peaks[0]} MiB");
        Assert.Equal(peaks.Order(), peaks);
    }

    [Fact]
    public async Task A_bucketed_run_of_a_generated_export_writes_the_generation_and_record_of_a_whole_population_run()
    {
        var writer = new StringWriter();
        _ = RetailExportGenerator.Write(writer, 40_000, long.MaxValue, 11);
        await IngestAsync("generated.csv", writer.ToString());
        var batches = await _bucketed.GetRequiredService<Segments.Storage.Batches.BatchLedger>().ListAsync(CancellationToken.None);
        await AssertSameRunsAsync(batches.Single().LatestOrderDate!.Value.AddDays(1));
    }

    [Fact]
    public async Task A_run_with_another_state_bucket_count_rebuilds_the_state_and_scores_every_customer_the_same_and_lookups_find_them()
    {
        await IngestAsync("sample.csv", await File.ReadAllTextAsync(RepositoryPaths.Sample));
        await using var sixteen = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString)
            .AddSingleton(Options.Create(new SegmentsOptions { BucketedRuns = true, StateBucketCount = 16 }))
            .BuildServiceProvider();
        var asOf = new DateOnly(2011, 12, 10);

        var usual = await RunAsync(_bucketed, asOf);
        var fewer = await RunAsync(sixteen, asOf);

        Assert.Equal((64, 16), (usual.BucketCount, fewer.BucketCount));
        Assert.Contains(_logs.Lines, l => l.Contains($"Run {usual.RunId}: scored bucket by bucket (64 buckets", StringComparison.Ordinal));
        var state = (await sixteen.GetRequiredService<Segments.Storage.State.BucketStateStore>().GetManifestAsync(Segments.Storage.State.StateLayout.PrefixOf(Segments.Storage.State.StateLayout.DefaultStore), CancellationToken.None)).Manifest!;
        Assert.Equal(16, state.BucketCount);
        AssertSameNumbers(Comparable(usual with { BucketCount = 0 }), Comparable(fewer with { BucketCount = 0 }), "run");

        // The same row for every customer, in the partition of its bucket among 16.
        var expected = (await EntitiesAsync(usual.GenerationTable!)).ToDictionary(e => e.Key[(e.Key.IndexOf('/', StringComparison.Ordinal) + 1)..], e => e.Value, StringComparer.Ordinal);
        var actual = await EntitiesAsync(fewer.GenerationTable!);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(16, actual.Keys.Select(k => k[..k.IndexOf('/', StringComparison.Ordinal)]).Distinct().Count());
        foreach (var (key, row) in actual)
        {
            var customer = key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];
            Assert.Equal(CustomerBucket.Of(customer, 16) + "/" + customer, key);
            Assert.Equal(expected[customer].Keys, row.Keys);
            foreach (var (name, value) in expected[customer].Where(p => p.Key != "PartitionKey"))
            {
                if (value is double x && row[name] is double y)
                {
                    Assert.True(Math.Abs(x - y) <= 1e-6 * Math.Max(1, Math.Abs(x)), $"{key} {name}: {x} vs {y}");
                }
                else
                {
                    AssertSameText($"{key} {name}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, Convert.ToString(row[name], System.Globalization.CultureInfo.InvariantCulture)!);
                }
            }
        }

        // The active pointer carries the count, so a lookup reads the right partition.
        var active = await sixteen.GetRequiredService<RunLedger>().GetActiveAsync(CancellationToken.None);
        Assert.Equal((fewer.RunId, 16), (active!.RunId, active.BucketCount));
        var customerId = actual.Keys.First()[(actual.Keys.First().IndexOf('/', StringComparison.Ordinal) + 1)..];
        var lookup = await sixteen.GetRequiredService<Segments.Pipeline.Queries.SegmentQueries>().GetCustomerAsync(active, customerId, CancellationToken.None);
        Assert.Equal(customerId, lookup!.CustomerId);
    }

    [Fact]
    public void A_state_bucket_count_out_of_range_is_refused_naming_the_setting()
    {
        using var services = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString)
            .AddSingleton(Options.Create(new SegmentsOptions { StateBucketCount = 0 }))
            .BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<Segments.Pipeline.State.BucketStateMerger>());

        Assert.Contains("Segments:StateBucketCount must be 1 to 9999, not 0", refused.Message, StringComparison.Ordinal);
    }

    private async Task AssertSameRunsAsync(DateOnly asOf)
    {
        var whole = await RunAsync(_whole, asOf);
        var bucketed = await RunAsync(_bucketed, asOf);
        Assert.True(bucketed.CustomersScored > 100, $"{bucketed.CustomersScored} customers");
        // The models are fitted on grouped histories: the same parameters, but sums of doubles in another order.
        AssertSameNumbers(Comparable(whole), Comparable(bucketed), "run");

        var expected = await EntitiesAsync(whole.GenerationTable!);
        var actual = await EntitiesAsync(bucketed.GenerationTable!);
        Assert.Equal(bucketed.CustomersScored, actual.Count);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, row) in expected)
        {
            // Text (segments, codes, stages, tiers) equal; model outputs (P(alive), CLV) within 1e-6 relative.
            Assert.Equal(row.Keys, actual[key].Keys);
            foreach (var (name, value) in row)
            {
                if (value is double x && actual[key][name] is double y)
                {
                    Assert.True(Math.Abs(x - y) <= 1e-6 * Math.Max(1, Math.Abs(x)), $"{key} {name}: {x} vs {y}");
                }
                else
                {
                    AssertSameText($"{key} {name}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, Convert.ToString(actual[key][name], System.Globalization.CultureInfo.InvariantCulture)!);
                }
            }
        }

        var profiles = _whole.GetRequiredService<SegmentProfileStore>();
        var wholeProfiles = await profiles.ReadAsync(whole.RunId, CancellationToken.None);
        var bucketedProfiles = await profiles.ReadAsync(bucketed.RunId, CancellationToken.None);
        Assert.Equal(JsonSerializer.Serialize(wholeProfiles! with { RunId = "" }), JsonSerializer.Serialize(bucketedProfiles! with { RunId = "" }));

        Assert.Empty(await Faults.StorageLeftovers.RunWorkAsync(azurite.ConnectionString));
    }

    private static async Task<RunRecord> RunAsync(ServiceProvider services, DateOnly asOf)
    {
        var request = await services.GetRequiredService<RunRequests>().RequestAsync(asOf, "test", CancellationToken.None);
        var run = await services.GetRequiredService<RecomputeSegmentsHandler>().ExecuteAsync(request.RunId, CancellationToken.None);
        Assert.Equal(RunStatus.Succeeded, run!.Status);
        return run;
    }

    /// <summary>The record without what differs between any two runs (ids, times, blob and table names, usage).</summary>
    private static JsonElement Comparable(RunRecord run) => JsonSerializer.SerializeToElement(run with
    {
        RunId = "",
        RequestedAt = default,
        StartedAt = null,
        FinishedAt = null,
        StageDurationsMs = new Dictionary<string, long>(),
        SegmentProfilesBlob = null,
        GenerationTable = null,
        Usage = null,
        CostUsd = null,
    });

    /// <summary>
    /// The same text, but for the numbers it quotes (a rule's explanation quotes the customer's CLV, rounded), which
    /// are within 1e-6 relative.
    /// </summary>
    private static void AssertSameText(string what, string expected, string actual)
    {
        if (expected == actual)
        {
            return;
        }

        var number = new System.Text.RegularExpressions.Regex(@"-?\d+(\.\d+)?");
        Assert.Equal(number.Replace(expected, "#"), number.Replace(actual, "#"));
        foreach (var (x, y) in number.Matches(expected).Zip(number.Matches(actual)))
        {
            var (a, b) = (double.Parse(x.Value, System.Globalization.CultureInfo.InvariantCulture), double.Parse(y.Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Abs(a)), $"{what}: {expected} vs {actual}");
        }
    }

    /// <summary>The same JSON, numbers equal within 1e-6 relative (the issue allows the models 0.1%), timings (<c>ElapsedMs</c>) left out.</summary>
    private static void AssertSameNumbers(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected.ValueKind} vs {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal(expected.EnumerateObject().Select(p => p.Name), actual.EnumerateObject().Select(p => p.Name));
                foreach (var property in expected.EnumerateObject().Where(p => p.Name != "ElapsedMs"))
                {
                    AssertSameNumbers(property.Value, actual.GetProperty(property.Name), path + "." + property.Name);
                }

                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                foreach (var (e, a, i) in expected.EnumerateArray().Zip(actual.EnumerateArray()).Select((p, i) => (p.First, p.Second, i)))
                {
                    AssertSameNumbers(e, a, $"{path}[{i}]");
                }

                break;
            case JsonValueKind.Number:
                var (x, y) = (expected.GetDouble(), actual.GetDouble());
                Assert.True(Math.Abs(x - y) <= 1e-6 * Math.Max(1, Math.Abs(x)), $"{path}: {x} vs {y}");
                break;
            default:
                Assert.Equal(expected.ToString(), actual.ToString());
                break;
        }
    }

    /// <summary>Every row of a generation table, by partition and row key (Timestamp and ETag left out).</summary>
    private async Task<Dictionary<string, SortedDictionary<string, object>>> EntitiesAsync(string table)
    {
        var rows = new Dictionary<string, SortedDictionary<string, object>>(StringComparer.Ordinal);
        await foreach (var entity in new TableServiceClient(azurite.ConnectionString).GetTableClient(table).QueryAsync<TableEntity>())
        {
            rows[entity.PartitionKey + "/" + entity.RowKey] = new SortedDictionary<string, object>(
                entity.Keys.Where(k => k is not ("Timestamp" or "odata.etag")).ToDictionary(k => k, k => entity[k]),
                StringComparer.Ordinal);
        }

        return rows;
    }

    private async Task IngestAsync(string blobName, string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var blob = await new DropZone(_bucketed.GetRequiredService<StorageAccount>()).UploadAsync(blobName, stream, CancellationToken.None);
        await _bucketed.GetRequiredService<ExportIngestHandlers>().Orders.IngestAsync(blob, CancellationToken.None);
    }
}
