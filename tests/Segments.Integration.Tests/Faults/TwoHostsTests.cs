using System.Globalization;
using System.Net;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Xunit.Abstractions;

namespace Segments.Integration.Tests.Faults;

/// <summary>
/// Two hosts (instances of one app) on one storage account, runs requested on both at once: one runner at a
/// time, the active pointer only moves forward (a lookup never goes back to an older run), the newest
/// request ends up active, every run counts what a clean single run counts, and only the kept generations remain.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class TwoHostsTests(RestartableAzuriteFixture storage, ITestOutputHelper output) : IClassFixture<RestartableAzuriteFixture>
{
    [Fact]
    public async Task Runs_requested_on_two_hosts_run_one_at_a_time_and_the_pointer_only_moves_forward()
    {
        await using var one = await FaultHost.StartAsync(storage.ConnectionString);
        await using var two = await FaultHost.StartAsync(storage.ConnectionString);
        await FaultData.UploadSampleAsync(storage.ConnectionString, "sample.csv");
        var batch = Assert.Single(await one.WaitForBatchAsync("sample.csv"));
        var clean = await one.WaitForRunAsync(await one.RequestRunAsync(FaultData.AsOf));
        await using var probe = new LookupProbe(one, FaultData.CustomerId);

        var requested = new List<string>();
        foreach (var host in new[] { one, two, one, two })
        {
            requested.Add(await host.RequestRunAsync(FaultData.AsOf));
        }

        var runs = new List<JsonElement>();
        foreach (var runId in requested)
        {
            runs.Add(await two.WaitForRunAsync(runId));
        }

        await Eventually.TrueAsync(async () => (await one.LookupAsync(FaultData.CustomerId)).RunId == requested[^1], "lookups to answer from the newest request");
        var tables = await StorageLeftovers.GenerationTablesAsync(storage.ConnectionString);

        var byStart = runs.OrderBy(r => Time(r, "startedAt")).ToList();
        output.WriteLine(string.Join('\n', byStart.Select(r => $"{r.GetProperty("runId").GetString()} {Time(r, "startedAt"):O} .. {Time(r, "finishedAt"):O}")));
        Assert.Equal("accepted", batch.GetProperty("status").GetString());
        Assert.All(runs, r => Assert.Equal("succeeded", r.GetProperty("status").GetString()));
        Assert.All(runs, r => Assert.Equal(clean.GetProperty("customersScored").GetInt32(), r.GetProperty("customersScored").GetInt32()));
        for (var i = 1; i < byStart.Count; i++)
        {
            Assert.True(Time(byStart[i - 1], "finishedAt") <= Time(byStart[i], "startedAt"), $"{byStart[i - 1].GetProperty("runId")} and {byStart[i].GetProperty("runId")} overlapped");
        }

        // Run ids sort by request time: a lookup that moves to an older id went back.
        var seen = probe.Answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => a.RunId!).ToList();
        for (var i = 1; i < seen.Count; i++)
        {
            Assert.True(string.CompareOrdinal(seen[i - 1], seen[i]) <= 0, $"lookups went back from {seen[i - 1]} to {seen[i]}");
        }

        Assert.Equal(requested.TakeLast(3).Select(StorageLeftovers.TableOf).Order(), tables.Order());
    }

    private static DateTimeOffset Time(JsonElement run, string property) =>
        DateTimeOffset.Parse(run.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);
}
