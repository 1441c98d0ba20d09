using Microsoft.Extensions.DependencyInjection;
using Segments.Integration.Tests.Fixtures;
using Segments.Pipeline.Dashboard;
using Segments.Storage.Blobs;
using Segments.Storage.Metering;

namespace Segments.Integration.Tests.Dashboard;

/// <summary>
/// The experiments' uplift on the dashboard compares the active run's generation with the one before: both never change,
/// so a second view of the dashboard does not scan them again.
/// </summary>
public sealed class DashboardUpliftCacheTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    [Fact]
    public async Task A_second_view_shows_the_same_uplift_without_reading_the_two_generations_again()
    {
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        await new ConfigStore(Host.Storage).WriteTextAsync(
            "experiments.json", """{"experiments": [{"name": "active-upsell", "segment": "lifecycle:Active", "controlShare": 0.5}]}""", CancellationToken.None);
        await Host.WaitForBatchAsync(await Host.UploadFileAsync("sample/online-retail-sample.csv", RepositoryPaths.Sample), "accepted");
        Assert.Equal("succeeded", (await Host.RunAsync("2011-09-30")).GetProperty("status").GetString());
        Assert.Equal("succeeded", (await Host.RunAsync("2011-12-10")).GetProperty("status").GetString());
        var dashboard = Host.Services.GetRequiredService<DashboardQuery>();

        var (first, firstRequests) = await MeteredAsync(() => dashboard.BuildAsync(CancellationToken.None));
        var (second, secondRequests) = await MeteredAsync(() => dashboard.BuildAsync(CancellationToken.None));

        var uplift = Assert.Single(first.Uplift);
        Assert.NotNull(uplift.Results);
        Assert.Same(first.Uplift, second.Uplift);
        // The first view reads both generation tables for the comparison (hundreds of customers, at least one
        // query page each), the second only the ledgers it always reads.
        Assert.True(secondRequests < firstRequests, $"second view {secondRequests} requests, first {firstRequests}");
        Assert.True(firstRequests - secondRequests >= 2, $"second view {secondRequests} requests, first {firstRequests}");
    }

    private static async Task<(DashboardModel Model, long Requests)> MeteredAsync(Func<Task<DashboardModel>> build)
    {
        using var meter = UsageMeter.Start("dashboard");
        var model = await build();
        return (model, meter.Stop().Requests.Total);
    }
}
