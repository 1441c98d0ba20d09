using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Segments.Host.Triggers;
using Segments.Integration.Tests.Fixtures;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Cost;
using Segments.Pipeline.Recompute;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.Generations;
using Segments.Storage.Queues;
using Segments.Storage.Runs;

namespace Segments.Integration.Tests.Recompute;

/// <summary>The timer's schedule format and the one-run-at-a-time guarantee, against a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SchedulingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageAccount _storage = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _storage = StorageAccount.Connect(azurite.ConnectionString);
        await _storage.EnsureReadyAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Six_field_ncrontab_schedule_gives_the_next_occurrence_in_utc()
    {
        var (schedule, problem) = NcrontabSchedule.Parse("0 30 2 * * *");

        Assert.Null(problem);
        Assert.Equal(new DateTime(2024, 4, 1, 2, 30, 0), schedule!.GetNextOccurrence(new DateTime(2024, 3, 31, 2, 30, 0)));
    }

    [Theory]
    [InlineData("0 2 * * *", "5 fields")]
    [InlineData("0 0 25 * * *", "not a valid NCRONTAB")]
    public void Schedule_that_is_not_six_field_ncrontab_is_refused_with_the_reason(string expression, string reason)
    {
        var (schedule, problem) = NcrontabSchedule.Parse(expression);

        Assert.Null(schedule);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_schedule_tick_from_two_instances_queues_one_run()
    {
        var requests = new RunRequests(new RunLedger(_storage), new RunRequestQueue(_storage), TimeProvider.System);
        var tick = new DateTimeOffset(2024, 3, 31, 2, 0, 0, TimeSpan.Zero);

        var first = await requests.RequestScheduledAsync(tick, CancellationToken.None);
        var second = await requests.RequestScheduledAsync(tick, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(new DateOnly(2024, 3, 31), first.AsOf);
        Assert.Single(await new RunLedger(_storage).ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Two_runs_started_together_never_overlap()
    {
        var ledger = new RunLedger(_storage);
        var requests = new RunRequests(ledger, new RunRequestQueue(_storage), TimeProvider.System);
        var one = await requests.RequestAsync(new DateOnly(2024, 3, 31), "test", CancellationToken.None);
        var two = await requests.RequestAsync(new DateOnly(2024, 4, 1), "test", CancellationToken.None);

        // Two handlers with their own clients, as two host instances would have.
        var runs = await Task.WhenAll(NewHandler().ExecuteAsync(one.RunId, CancellationToken.None), NewHandler().ExecuteAsync(two.RunId, CancellationToken.None));

        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r!.Status));
        var (early, late) = runs[0]!.StartedAt < runs[1]!.StartedAt ? (runs[0]!, runs[1]!) : (runs[1]!, runs[0]!);
        Assert.True(early.FinishedAt <= late.StartedAt, $"run {early.RunId} ended {early.FinishedAt:O}, after {late.RunId} started {late.StartedAt:O}");
    }

    private RecomputeSegmentsHandler NewHandler()
    {
        var storage = StorageAccount.Connect(azurite.ConnectionString);
        var lease = new RunLease(storage, "segments-test");
        return new RecomputeSegmentsHandler(
            new BatchLedger(storage),
            new NormalizedBatchStore(storage),
            new RunLedger(storage),
            new GenerationStore(storage),
            lease,
            new StrandedRuns(new RunLedger(storage), new GenerationStore(storage), new SegmentProfileStore(storage), lease, TimeProvider.System, NullLogger<StrandedRuns>.Instance),
            new RuleSegmentLoader(new ConfigStore(storage)),
            Options.Create(new Segments.Core.Segmentation.PredictionOptions()),
            Options.Create(new SegmentsOptions()),
            new CostAccounting(new ConfigStore(storage), Options.Create(new SegmentsOptions()), NullLogger<CostAccounting>.Instance),
            TimeProvider.System,
            NullLogger<RecomputeSegmentsHandler>.Instance,
            new RunInsights(new ExperimentLoader(new ConfigStore(storage)), new SegmentProfileStore(storage), Options.Create(new Segments.Core.Experiments.ExperimentOptions())));
    }
}
