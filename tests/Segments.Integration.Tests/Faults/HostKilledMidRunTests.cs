using System.Diagnostics;
using System.Net;
using Segments.Integration.Tests.Fixtures;
using Xunit.Abstractions;

namespace Segments.Integration.Tests.Faults;

/// <summary>
/// The host is killed (SIGKILL) while a run is between writing its generation and flipping the pointer, and
/// started again: the stranded run is failed within a minute saying so, lookups answer from the last
/// succeeded run throughout, its half-written generation is removed, and the next run succeeds.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class HostKilledMidRunTests(RestartableAzuriteFixture storage, ITestOutputHelper output) : IClassFixture<RestartableAzuriteFixture>
{
    [Fact]
    public async Task Host_killed_mid_run_keeps_lookups_on_the_last_run_and_the_stranded_run_fails_within_a_minute()
    {
        var first = await FaultHost.StartAsync(storage.ConnectionString);
        await FaultData.UploadSampleAsync(storage.ConnectionString, "sample.csv");
        await first.WaitForBatchAsync("sample.csv");
        var good = await first.WaitForRunAsync(await first.RequestRunAsync(FaultData.AsOf));
        var goodRunId = good.GetProperty("runId").GetString()!;
        await using var probe = new LookupProbe(first, FaultData.CustomerId);
        await Task.Delay(500);
        probe.Use(null);
        await first.KillAsync();

        // A run that stops before its flip long enough to be killed there.
        var second = await FaultHost.StartAsync(storage.ConnectionString, new Dictionary<string, string> { ["Segments__DiagnosticPauseBeforeFlipSeconds"] = "120" });
        probe.Use(second);
        var strandedRunId = await second.RequestRunAsync(FaultData.AsOf);
        await second.WaitForRunStatusAsync(strandedRunId, "running");
        await Eventually.TrueAsync(async () => (await StorageLeftovers.GenerationTablesAsync(storage.ConnectionString)).Contains(StorageLeftovers.TableOf(strandedRunId)));
        await Eventually.TrueAsync(async () => (await StorageLeftovers.NormalizedBlobsAsync(storage.ConnectionString)).Contains(StorageLeftovers.ProfilesOf(strandedRunId)));
        probe.Use(null);
        await second.KillAsync();
        var killedAt = Stopwatch.StartNew();

        await using var third = await FaultHost.StartAsync(storage.ConnectionString);
        probe.Use(third);
        var stranded = await third.WaitForRunStatusAsync(strandedRunId, "failed");
        var detectedAfter = killedAt.Elapsed;
        var leftTables = await StorageLeftovers.GenerationTablesAsync(storage.ConnectionString);
        var leftBlobs = await StorageLeftovers.NormalizedBlobsAsync(storage.ConnectionString);
        var next = await third.WaitForRunAsync(await third.RequestRunAsync(FaultData.AsOf));
        await Eventually.TrueAsync(async () => (await third.LookupAsync(FaultData.CustomerId)).RunId == next.GetProperty("runId").GetString());

        output.WriteLine($"stranded run failed {detectedAfter.TotalSeconds:0.0} s after the kill; longest lookup gap while a host was up: {probe.LongestUnavailable().TotalMilliseconds:0} ms over {probe.Answers.Count} lookups");
        Assert.True(detectedAfter < TimeSpan.FromSeconds(60), $"the stranded run was failed only {detectedAfter.TotalSeconds:0} s after the kill");
        Assert.StartsWith("stranded:", stranded.GetProperty("error").GetString(), StringComparison.Ordinal);
        var beforeNextRun = probe.Answers.TakeWhile(a => a.RunId != next.GetProperty("runId").GetString()).Where(a => a.Status is not null).ToList();
        Assert.NotEmpty(beforeNextRun);
        Assert.True(probe.LongestUnavailable() < TimeSpan.FromSeconds(5), $"lookups failed for {probe.LongestUnavailable().TotalSeconds:0.0} s while a host was up");
        Assert.All(beforeNextRun, a => Assert.Equal((HttpStatusCode.OK, goodRunId), (a.Status!.Value, a.RunId)));
        Assert.Equal([StorageLeftovers.TableOf(goodRunId)], leftTables);
        Assert.DoesNotContain(StorageLeftovers.ProfilesOf(strandedRunId), leftBlobs);
        Assert.Equal("succeeded", next.GetProperty("status").GetString());
        Assert.Equal(good.GetProperty("customersScored").GetInt32(), next.GetProperty("customersScored").GetInt32());
    }
}
