using Segments.Functions.Tests.Fixtures;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Runs;

namespace Segments.Functions.Tests.Recompute;

/// <summary>
/// A run message that names no run (unknown, or not a run id at all) ends as in the local host's run listener,
/// which calls the same handler: one line saying so, the message completed, nothing run, no exception.
/// </summary>
public sealed class ExecuteRunBadInputTests(AzuriteFixture azurite) : FunctionsTestBase(azurite)
{
    public static TheoryData<string> Messages { get; } = new()
    {
        "20991231T000000000Z-ffff",
        "not/a#run?id",
        "",
        """{"runId":"20991231T000000000Z-ffff"}""",
        new string('x', 1_100),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task A_message_naming_no_run_logs_one_line_and_ends_without_running_anything(string message)
    {
        var lines = await LinesDuringAsync(() => Invoker.InvokeAsync(FunctionMethod.Named("ExecuteRun"), message));

        var line = Assert.Single(lines);
        Assert.StartsWith($"Information Segments.Functions.Recompute.ExecuteRun: Run {message}: unknown run", line, StringComparison.Ordinal);
        var runs = new RunLedger(Storage);
        Assert.Empty(await runs.ListAsync(CancellationToken.None));
        Assert.Null(await runs.GetActiveAsync(CancellationToken.None));
    }
}
