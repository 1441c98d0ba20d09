using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Segments.Core.Synthetic;
using Segments.Integration.Tests.Fixtures;
using Segments.Pipeline.Api;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Ingest;
using Segments.Pipeline.Queries;
using Segments.Pipeline.Recompute;
using Segments.Storage.Account;
using Segments.Storage.Blobs;
using Segments.Storage.Recommendations;
using Segments.Storage.Runs;

namespace Segments.Integration.Tests.Recommendations;

/// <summary>
/// A run scored bucket by bucket (Segments:BucketedRuns) computes its recommendations from per-bucket statistics and
/// stores its customers' lists per bucket; the API answers exactly as after a run scoring the whole population, and
/// the run record's recommendation summary is the same.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BucketedRecommendationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ServiceProvider _bucketed = null!;
    private ServiceProvider _whole = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _bucketed = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString)
            .AddSingleton(Options.Create(new SegmentsOptions { BucketedRuns = true }))
            .BuildServiceProvider();
        _whole = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString)
            .AddSingleton(Options.Create(new SegmentsOptions { BucketedRuns = false }))
            .BuildServiceProvider();
        await _bucketed.GetRequiredService<StorageAccount>().EnsureReadyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _bucketed.DisposeAsync();
        await _whole.DisposeAsync();
    }

    [Fact]
    public async Task A_bucketed_run_of_the_sample_answers_every_recommendation_route_as_a_whole_population_run()
    {
        await IngestAsync("sample.csv", await File.ReadAllTextAsync(RepositoryPaths.Sample));
        await AssertSameAnswersAsync(new DateOnly(2011, 12, 10));
    }

    [Fact]
    public async Task A_bucketed_run_of_a_generated_export_answers_every_recommendation_route_as_a_whole_population_run()
    {
        var writer = new StringWriter();
        _ = RetailExportGenerator.Write(writer, 40_000, long.MaxValue, 5);
        await IngestAsync("generated.csv", writer.ToString());
        var batches = await _bucketed.GetRequiredService<Segments.Storage.Batches.BatchLedger>().ListAsync(CancellationToken.None);
        await AssertSameAnswersAsync(batches.Single().LatestOrderDate!.Value.AddDays(1));
    }

    private async Task AssertSameAnswersAsync(DateOnly asOf)
    {
        // Each provider is asked right after its own run, while that run is the active one.
        var whole = await RunAsync(_whole, asOf);
        var customerIds = (await _whole.GetRequiredService<RecommendationStore>().ReadAsync(whole.RunId, CancellationToken.None))!.Customers.Keys.Order(StringComparer.Ordinal).ToList();
        var expected = await AnswersAsync(_whole, whole, customerIds);
        var bucketed = await RunAsync(_bucketed, asOf);
        var actual = await AnswersAsync(_bucketed, bucketed, customerIds);

        // The same record summary (but for timings), the same answers (but for the run id).
        Assert.True(customerIds.Count > 100, $"only {customerIds.Count} customers");
        Assert.Equal(Summary(whole), Summary(bucketed));
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (route, answer) in expected)
        {
            Assert.Equal(answer.Replace(whole.RunId, "RUN", StringComparison.Ordinal), actual[route].Replace(bucketed.RunId, "RUN", StringComparison.Ordinal));
        }

        // Stored per bucket: the run's document holds no customer, its buckets' blobs, in the run's container, do.
        var set = (await _bucketed.GetRequiredService<RecommendationStore>().ReadAsync(bucketed.RunId, CancellationToken.None))!;
        Assert.Empty(set.Customers);
        Assert.Equal(bucketed.BucketCount, set.CustomerBuckets);
        var bucketBlobs = 0;
        await foreach (var _ in new BlobContainerClient(azurite.ConnectionString, RecommendationStore.BucketContainerOf(bucketed.RunId)).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix: null, CancellationToken.None))
        {
            bucketBlobs++;
        }

        Assert.Equal(set.CustomerBuckets, bucketBlobs);
    }

    /// <summary>Every customer's and every segment's recommendations (JSON and CSV), and a bulk lookup with them, by route.</summary>
    private static async Task<Dictionary<string, string>> AnswersAsync(ServiceProvider services, RunRecord run, IReadOnlyList<string> customerIds)
    {
        var api = services.GetRequiredService<RecommendationsApi>();
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in customerIds)
        {
            answers[$"customer {id}"] = await BodyAsync(await api.GetCustomerAsync(id, asCsv: false, CancellationToken.None));
        }

        answers["customer unknown"] = await BodyAsync(await api.GetCustomerAsync("no-such-customer", asCsv: false, CancellationToken.None));
        answers[$"customer {customerIds[0]} csv"] = await BodyAsync(await api.GetCustomerAsync(customerIds[0], asCsv: true, CancellationToken.None));
        foreach (var segment in SegmentRef.InRun(run))
        {
            answers[$"segment {segment.Id}"] = await BodyAsync(await api.GetSegmentAsync(segment.Id, asCsv: false, CancellationToken.None));
            answers[$"segment {segment.Id} csv"] = await BodyAsync(await api.GetSegmentAsync(segment.Id, asCsv: true, CancellationToken.None));
        }

        var lookups = services.GetRequiredService<CustomerLookupsApi>();
        using var body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(new { ids = customerIds.Take(50).Append("no-such-customer") }));
        // The lookups' own fields (CLV, P(alive)) come from models fitted on grouped sums (BucketedRunOutputTests
        // compares them within 1e-6); here only the recommendations they carry.
        var many = JsonDocument.Parse(await JsonBodyAsync(await lookups.LookupManyAsync(body, bypassCache: true, includeRecommendations: true, CancellationToken.None)));
        answers["lookup"] = string.Join('\n', Property(many.RootElement, "results")!.Value.EnumerateArray().Select(r => Property(r, "recommendations")?.GetRawText() ?? "none"));
        var one = JsonDocument.Parse(await JsonBodyAsync(await lookups.GetAsync(customerIds[^1], null, bypassCache: true, includeRecommendations: true, CancellationToken.None)));
        answers[$"lookup {customerIds[^1]}"] = Property(one.RootElement, "recommendations")!.Value.GetRawText();
        Assert.Contains("\"rank\"", answers["lookup"], StringComparison.OrdinalIgnoreCase);
        return answers;
    }

    private static async Task<string> BodyAsync(ApiResponse response)
    {
        switch (response.Body)
        {
            case StreamedBody streamed:
                using (var stream = new MemoryStream())
                {
                    await streamed.WriteAsync(stream, CancellationToken.None);
                    return $"{response.StatusCode} {Encoding.UTF8.GetString(stream.ToArray())}";
                }

            case Utf8JsonBody json:
                return $"{response.StatusCode} {Encoding.UTF8.GetString(json.Utf8Json)}";
            default:
                return $"{response.StatusCode} {JsonSerializer.Serialize(response.Body)}";
        }
    }

    /// <summary>A property by name in any case (the API's bodies are camelCase, an object body serialised here is not).</summary>
    private static JsonElement? Property(JsonElement element, string name) =>
        element.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();

    private static async Task<string> JsonBodyAsync(ApiResponse response)
    {
        Assert.Equal(200, response.StatusCode);
        var text = await BodyAsync(response);
        return text[(text.IndexOf(' ', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>The record's recommendation summary without the timings.</summary>
    private static string Summary(RunRecord run)
    {
        var summary = run.Recommendations!;
        return JsonSerializer.Serialize(summary with
        {
            ElapsedMs = 0,
            Evaluation = summary.Evaluation with { Models = summary.Evaluation.Models.Select(m => m with { ElapsedMs = 0 }).ToList() },
        });
    }

    private static async Task<RunRecord> RunAsync(ServiceProvider services, DateOnly asOf)
    {
        var request = await services.GetRequiredService<RunRequests>().RequestAsync(asOf, "test", CancellationToken.None);
        var run = await services.GetRequiredService<RecomputeSegmentsHandler>().ExecuteAsync(request.RunId, CancellationToken.None);
        Assert.Equal(RunStatus.Succeeded, run!.Status);
        return run;
    }

    private async Task IngestAsync(string blobName, string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var blob = await new DropZone(_bucketed.GetRequiredService<StorageAccount>()).UploadAsync(blobName, stream, CancellationToken.None);
        await _bucketed.GetRequiredService<ExportIngestHandlers>().Orders.IngestAsync(blob, CancellationToken.None);
    }
}
