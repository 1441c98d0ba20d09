using Segments.Functions.Tests.Fixtures;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Runs;

namespace Segments.Functions.Tests.Recompute;

/// <summary><c>RecomputeSegments</c>, invoked with the <c>TimerInfo</c> the runtime passes for one occurrence.</summary>
public sealed class RecomputeSegmentsTests(AzuriteFixture azurite) : FunctionsTestBase(azurite)
{
    [Fact]
    public async Task A_timer_firing_queues_exactly_one_run_as_of_its_occurrence()
    {
        var occurrence = new DateTime(2011, 12, 10, 2, 0, 0, DateTimeKind.Utc);

        await Invoker.InvokeAsync(FunctionMethod.Named("RecomputeSegments"), TimerFiring(occurrence));

        var runId = Assert.Single(await QueuedRunMessagesAsync());
        Assert.Equal("20111210T020000000Z-timer", runId);
        var run = (await new RunLedger(Storage).GetAsync(runId, CancellationToken.None))!;
        Assert.Equal((RunStatus.Queued, "timer", new DateOnly(2011, 12, 10)), (run.Status, run.Trigger, run.AsOf));
    }

    [Fact]
    public async Task A_second_firing_of_the_same_occurrence_queues_nothing_more()
    {
        var occurrence = new DateTime(2011, 12, 10, 2, 0, 0, DateTimeKind.Utc);
        var timer = FunctionMethod.Named("RecomputeSegments");

        await Invoker.InvokeAsync(timer, TimerFiring(occurrence));
        await Invoker.InvokeAsync(timer, TimerFiring(occurrence));

        Assert.Single(await QueuedRunMessagesAsync());
        Assert.Single(await new RunLedger(Storage).ListAsync(CancellationToken.None));
        Assert.Contains(LinesOf(timer), line => line.Contains("was queued already", StringComparison.Ordinal));
    }
}
