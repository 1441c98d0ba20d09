using System.Net.Http.Json;
using System.Text.Json;
using Segments.Core.Experiments;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Insights;

/// <summary>A/B control groups of <c>config/experiments.json</c>, assigned in every run and shown in lookups.</summary>
public sealed class ExperimentTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    private const string Experiments =
        """
        {"experiments": [
          {"name": "loyalist-upsell", "segment": "Potential Loyalist", "controlShare": 0.5},
          {"name": "too-big", "segment": "rfm:Lost", "controlShare": 0.9},
          {"name": "nowhere", "segment": "Whales", "controlShare": 0.1},
          {"name": "lost-either", "segment": "Lost", "controlShare": 0.1}
        ]}
        """;

    private async Task SetUpAsync(string experiments)
    {
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        await new ConfigStore(Host.Storage).WriteTextAsync("experiments.json", experiments, CancellationToken.None);
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ProductExports.FiveCustomers));
    }

    private async Task<JsonElement?> MembershipAsync(string customerId, string segment)
    {
        var lookup = await Host.Http.GetFromJsonAsync<JsonElement>($"/api/customers/{customerId}");
        return lookup.GetProperty("memberships").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(m => m!.Value.GetProperty("segment").GetString() == segment);
    }

    [Fact]
    public async Task Lookup_gives_the_group_of_each_membership_in_a_segment_with_an_experiment()
    {
        await SetUpAsync(Experiments);

        Assert.Equal("succeeded", (await Host.RunAsync(ProductExports.AsOf)).GetProperty("status").GetString());

        var assigner = new ControlGroupAssigner(SegmentsHostFactory.ExperimentHashKey);
        foreach (var customer in new[] { "A", "C" })
        {
            var membership = (await MembershipAsync(customer, "rfm:Potential Loyalist"))!.Value;
            Assert.Equal("loyalist-upsell", membership.GetProperty("experiment").GetString());
            Assert.Equal(assigner.GroupOf("loyalist-upsell", 0.5, customer), membership.GetProperty("group").GetString());
        }

        // B's segment has no experiment: no group.
        var b = (await MembershipAsync("B", "rfm:Can't Lose Them"))!.Value;
        Assert.False(b.TryGetProperty("group", out _));
    }

    [Fact]
    public async Task Invalid_experiments_are_reported_by_the_run_and_the_valid_one_is_applied()
    {
        await SetUpAsync(Experiments);

        await Host.RunAsync(ProductExports.AsOf);

        var listing = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments");
        var applied = Assert.Single(listing.GetProperty("experiments").EnumerateArray());
        Assert.Equal(("loyalist-upsell", "rfm:Potential Loyalist", 2), (
            applied.GetProperty("name").GetString(),
            applied.GetProperty("segment").GetString(),
            applied.GetProperty("control").GetInt32() + applied.GetProperty("treatment").GetInt32()));
        Assert.Equal(
            [
                "experiment 2 'too-big': controlShare 0.9 is outside 0 to 0.5",
                "experiment 'nowhere': 'Whales' is not a segment of this run (see GET /api/segments)",
                "experiment 'lost-either': segment 'Lost' is ambiguous; use one of rfm:Lost, lifecycle:Lost",
            ],
            listing.GetProperty("experimentErrors").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Groups_do_not_change_between_runs()
    {
        await SetUpAsync(Experiments);
        await Host.RunAsync(ProductExports.AsOf);
        var before = await GroupsAsync();

        await Host.RunAsync(ProductExports.AsOf);

        Assert.Equal(before, await GroupsAsync());
    }

    [Fact]
    public async Task A_broken_experiments_file_never_fails_the_run()
    {
        await SetUpAsync("{\"experiments\": [");

        var run = await Host.RunAsync(ProductExports.AsOf);

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        var listing = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments");
        var error = Assert.Single(listing.GetProperty("experimentErrors").EnumerateArray()).GetString();
        Assert.StartsWith("experiments.json is not valid JSON", error, StringComparison.Ordinal);
    }

    private async Task<string> GroupsAsync()
    {
        var a = (await MembershipAsync("A", "rfm:Potential Loyalist"))!.Value.GetProperty("group").GetString();
        var c = (await MembershipAsync("C", "rfm:Potential Loyalist"))!.Value.GetProperty("group").GetString();
        return $"{a} {c}";
    }
}
