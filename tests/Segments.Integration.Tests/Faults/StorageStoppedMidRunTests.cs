using System.Diagnostics;
using System.Net;
using Segments.Integration.Tests.Fixtures;
using Xunit.Abstractions;

namespace Segments.Integration.Tests.Faults;

/// <summary>
/// Storage (Azurite) is stopped while a run is about to flip and started again 15 s later: the run fails
/// saying storage was unavailable, the previous generation stays active, nothing of the failed run is left,
/// and the next run succeeds on the same host, without a restart.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class StorageStoppedMidRunTests(RestartableAzuriteFixture storage, ITestOutputHelper output) : IClassFixture<RestartableAzuriteFixture>
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Storage_stopped_mid_run_fails_the_run_saying_storage_and_the_next_run_succeeds_without_a_restart()
    {
        await using var host = await FaultHost.StartAsync(storage.ConnectionString, new Dictionary<string, string> { ["Segments__DiagnosticPauseBeforeFlipSeconds"] = "5" });
        await FaultData.UploadSampleAsync(storage.ConnectionString, "sample.csv");
        await host.WaitForBatchAsync("sample.csv");
        var good = await host.WaitForRunAsync(await host.RequestRunAsync(FaultData.AsOf));
        var goodRunId = good.GetProperty("runId").GetString()!;
        await using var probe = new LookupProbe(host, FaultData.CustomerId);

        var brokenRunId = await host.RequestRunAsync(FaultData.AsOf);
        await Eventually.TrueAsync(async () => (await StorageLeftovers.NormalizedBlobsAsync(storage.ConnectionString)).Contains(StorageLeftovers.ProfilesOf(brokenRunId)), "the run to write its generation");
        await storage.StopAsync();
        var stoppedAt = Stopwatch.StartNew();
        await Task.Delay(Outage);
        await storage.StartAsync();
        var restartedAt = stoppedAt.Elapsed;

        var broken = await host.WaitForRunAsync(brokenRunId);
        await Eventually.TrueAsync(async () => (await host.LookupAsync(FaultData.CustomerId)).Status == HttpStatusCode.OK, "lookups to answer again");
        var recoveredAt = stoppedAt.Elapsed;
        var afterOutage = await host.LookupAsync(FaultData.CustomerId);
        var next = await host.WaitForRunAsync(await host.RequestRunAsync(FaultData.AsOf));
        var leftTables = await StorageLeftovers.GenerationTablesAsync(storage.ConnectionString);
        var leftBlobs = await StorageLeftovers.NormalizedBlobsAsync(storage.ConnectionString);

        output.WriteLine($"storage down {restartedAt.TotalSeconds:0.0} s; lookups answering again {recoveredAt.TotalSeconds:0.0} s after the stop; longest lookup gap {probe.LongestUnavailable().TotalSeconds:0.0} s; run error: {broken.GetProperty("error").GetString()}");
        Assert.Equal("failed", broken.GetProperty("status").GetString());
        Assert.StartsWith("storage unavailable: ", broken.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, goodRunId), afterOutage);
        Assert.DoesNotContain(probe.Answers, a => a.RunId == brokenRunId);
        Assert.Equal("succeeded", next.GetProperty("status").GetString());
        Assert.Equal(good.GetProperty("customersScored").GetInt32(), next.GetProperty("customersScored").GetInt32());
        Assert.Equal(new[] { goodRunId, next.GetProperty("runId").GetString()! }.Select(StorageLeftovers.TableOf).Order(), leftTables.Order());
        Assert.DoesNotContain(StorageLeftovers.ProfilesOf(brokenRunId), leftBlobs);
    }
}
