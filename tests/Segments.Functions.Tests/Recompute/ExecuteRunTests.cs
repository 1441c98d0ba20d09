using Segments.Functions.Tests.Fixtures;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Functions.Tests.Recompute;

/// <summary><c>ExecuteRun</c>, invoked with the run queue's message as the queue trigger decodes it.</summary>
public sealed class ExecuteRunTests(AzuriteFixture azurite) : FunctionsTestBase(azurite)
{
    [Fact]
    public async Task The_message_the_timer_queued_executes_the_run_and_flips_the_active_generation_to_it()
    {
        await IngestSampleAsync();
        await Invoker.InvokeAsync(FunctionMethod.Named("RecomputeSegments"), TimerFiring(new DateTime(2011, 12, 10, 2, 0, 0, DateTimeKind.Utc)));
        var message = Assert.Single(await QueuedRunMessagesAsync());

        await Invoker.InvokeAsync(FunctionMethod.Named("ExecuteRun"), message);

        var runs = new RunLedger(Storage);
        var run = (await runs.GetAsync(message, CancellationToken.None))!;
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.BatchesRead);
        Assert.True(run.CustomersScored > 100, $"{run.CustomersScored} customers scored");
        var active = (await runs.GetActiveAsync(CancellationToken.None))!;
        Assert.Equal((message, GenerationStore.TableNameFor(message)), (active.RunId, active.GenerationTable));
        Assert.True(await new GenerationStore(Storage).ExistsAsync(active.GenerationTable, CancellationToken.None));
    }

    [Fact]
    public async Task A_redelivered_message_of_a_finished_run_changes_nothing()
    {
        await IngestSampleAsync();
        await Invoker.InvokeAsync(FunctionMethod.Named("RecomputeSegments"), TimerFiring(new DateTime(2011, 12, 10, 2, 0, 0, DateTimeKind.Utc)));
        var message = Assert.Single(await QueuedRunMessagesAsync());
        var executeRun = FunctionMethod.Named("ExecuteRun");
        await Invoker.InvokeAsync(executeRun, message);
        var runs = new RunLedger(Storage);
        var finished = (await runs.GetAsync(message, CancellationToken.None))!;

        var lines = await LinesDuringAsync(() => Invoker.InvokeAsync(executeRun, message));

        var again = (await runs.GetAsync(message, CancellationToken.None))!;
        Assert.Equal((finished.Status, finished.StartedAt, finished.FinishedAt, finished.CustomersScored), (again.Status, again.StartedAt, again.FinishedAt, again.CustomersScored));
        Assert.Equal($"Information Segments.Functions.Recompute.ExecuteRun: Run {message}: succeeded ", Assert.Single(lines));
    }
}
