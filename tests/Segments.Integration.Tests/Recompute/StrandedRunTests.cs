using Microsoft.Extensions.DependencyInjection;
using Segments.Integration.Tests.Fixtures;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Recompute;
using Segments.Storage.Account;
using Segments.Storage.Blobs;
using Segments.Storage.Generations;
using Segments.Storage.Recommendations;
using Segments.Storage.Runs;

namespace Segments.Integration.Tests.Recompute;

/// <summary>
/// A run left <c>running</c> by a runner that died: found once the run lease is free, failed with the reason,
/// and what it half wrote removed; left alone while a live runner holds the lease.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StrandedRunTests(AzuriteFixture azurite) : IAsyncLifetime
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
    public async Task A_run_left_running_without_its_lease_is_failed_with_the_reason_and_its_half_written_generation_removed()
    {
        var run = await StrandRunAsync();

        var settled = await _pipeline.GetRequiredService<StrandedRuns>().SweepAsync(removeLeftovers: false, CancellationToken.None);

        Assert.Equal(run.RunId, Assert.Single(settled).RunId);
        var recorded = await _pipeline.GetRequiredService<RunLedger>().GetAsync(run.RunId, CancellationToken.None);
        Assert.Equal(RunStatus.Failed, recorded!.Status);
        Assert.Equal(StrandedRuns.Reason, recorded.Error);
        Assert.False(await _pipeline.GetRequiredService<GenerationStore>().ExistsAsync(GenerationStore.TableNameFor(run.RunId), CancellationToken.None));
        Assert.Null(await _pipeline.GetRequiredService<SegmentProfileStore>().ReadAsync(run.RunId, CancellationToken.None));
        Assert.Null(await _pipeline.GetRequiredService<RecommendationStore>().ReadAsync(run.RunId, CancellationToken.None));
    }

    [Fact]
    public async Task Recommendations_and_bucket_list_containers_no_succeeded_run_names_are_removed_as_leftovers_and_the_active_runs_kept()
    {
        var store = _pipeline.GetRequiredService<RecommendationStore>();
        await store.WriteAsync(Recommendations("20111210-orphan"), CancellationToken.None);
        await store.WriteAsync(Recommendations("20111210-active"), CancellationToken.None);
        await store.WriteBucketAsync("20111210-orphan", 0, new Dictionary<string, Core.Recommendations.CustomerRecommendations>(), CancellationToken.None);
        await store.WriteBucketAsync("20111210-active", 0, new Dictionary<string, Core.Recommendations.CustomerRecommendations>(), CancellationToken.None);
        await _pipeline.GetRequiredService<RunLedger>().FlipActiveAsync(
            new ActiveRun("20111210-active", new DateOnly(2011, 12, 10), GenerationStore.TableNameFor("20111210-active"), CustomerBucket.DefaultCount), CancellationToken.None);

        await _pipeline.GetRequiredService<StrandedRuns>().SweepAsync(removeLeftovers: true, CancellationToken.None);

        Assert.Equal(["20111210-active"], await store.ListRunIdsAsync(CancellationToken.None));
        Assert.Equal([RecommendationStore.BucketContainerOf("20111210-active")], await Faults.StorageLeftovers.ContainersAsync(azurite.ConnectionString, RecommendationStore.BucketContainerPrefix));
    }

    [Fact]
    public async Task A_stranded_run_the_pointer_already_names_succeeded_and_keeps_its_generation()
    {
        var run = await StrandRunAsync();
        var table = GenerationStore.TableNameFor(run.RunId);
        await _pipeline.GetRequiredService<RunLedger>().FlipActiveAsync(new ActiveRun(run.RunId, run.AsOf, table, CustomerBucket.DefaultCount), CancellationToken.None);

        var settled = await _pipeline.GetRequiredService<StrandedRuns>().SweepAsync(removeLeftovers: false, CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, Assert.Single(settled).Status);
        Assert.NotNull(await _pipeline.GetRequiredService<GenerationStore>().GetAsync(table, CustomerBucket.DefaultCount, "12662", CancellationToken.None));
    }

    [Fact]
    public async Task A_running_run_is_left_alone_while_a_runner_holds_the_lease()
    {
        var run = await StrandRunAsync();
        var held = await _pipeline.GetRequiredService<RunLease>().AcquireAsync(CancellationToken.None);
        IReadOnlyList<RunRecord> settled;
        await using (held)
        {
            settled = await _pipeline.GetRequiredService<StrandedRuns>().SweepAsync(removeLeftovers: true, CancellationToken.None);
        }

        Assert.Empty(settled);
        Assert.Equal(RunStatus.Running, (await _pipeline.GetRequiredService<RunLedger>().GetAsync(run.RunId, CancellationToken.None))!.Status);
        Assert.True(await _pipeline.GetRequiredService<GenerationStore>().ExistsAsync(GenerationStore.TableNameFor(run.RunId), CancellationToken.None));
    }

    [Fact]
    public async Task A_redelivered_request_of_a_stranded_run_fails_it_instead_of_running_it_again()
    {
        var run = await StrandRunAsync();

        var executed = await _pipeline.GetRequiredService<RecomputeSegmentsHandler>().ExecuteAsync(run.RunId, CancellationToken.None);

        Assert.Equal(RunStatus.Failed, executed!.Status);
        Assert.Equal(StrandedRuns.Reason, executed.Error);
        Assert.Null(await _pipeline.GetRequiredService<RunLedger>().GetActiveAsync(CancellationToken.None));
        Assert.False(await _pipeline.GetRequiredService<GenerationStore>().ExistsAsync(GenerationStore.TableNameFor(run.RunId), CancellationToken.None));
    }

    /// <summary>What a runner killed while writing leaves: the row says running, part of the generation and its profiles are written, no lease is held.</summary>
    private async Task<RunRecord> StrandRunAsync()
    {
        var queued = await _pipeline.GetRequiredService<RunRequests>().RequestAsync(new DateOnly(2011, 12, 10), "test", CancellationToken.None);
        var running = queued with { Status = RunStatus.Running, StartedAt = DateTimeOffset.UtcNow };
        await _pipeline.GetRequiredService<RunLedger>().SaveAsync(running, CancellationToken.None);
        var row = new CustomerSegmentRow("12662", 3, 2, 100m, 5, 2, 3, "523", "Potential Loyalist", "Germany");
        await _pipeline.GetRequiredService<GenerationStore>().WriteAsync(GenerationStore.TableNameFor(running.RunId), [row], CustomerBucket.DefaultCount, CancellationToken.None);
        await _pipeline.GetRequiredService<SegmentProfileStore>().WriteAsync(new Core.SegmentProfiles.SegmentProfileSet(running.RunId, running.AsOf, 1, 100m, new Core.SegmentProfiles.SegmentProfileOptions(), []), CancellationToken.None);
        await _pipeline.GetRequiredService<RecommendationStore>().WriteAsync(Recommendations(running.RunId), CancellationToken.None);
        return running;
    }

    /// <summary>A run's recommendations blob with nothing in it: what matters here is that it exists.</summary>
    private static RecommendationSet Recommendations(string runId)
    {
        var asOf = new DateOnly(2011, 12, 10);
        var evaluation = new Core.Recommendations.RecommendationEvaluation(asOf.AddDays(-90), asOf, 0, 10, [new Core.Recommendations.RecommendationMetrics(Core.Recommendations.RecommendationModelKind.Popularity, null, 0, 0, 0, 0)], Core.Recommendations.RecommendationModelKind.Popularity, null);
        var summary = new RecommendationRunSummary(evaluation, Core.Recommendations.RecommendationModelKind.Popularity, null, 0, 0, 0, 0, 0);
        return new RecommendationSet(runId, asOf, summary, new Dictionary<string, Core.Recommendations.CustomerRecommendations>(), new Dictionary<string, IReadOnlyList<Core.Recommendations.SegmentRecommendation>>());
    }
}
