using Microsoft.Extensions.Options;
using Segments.Core.Experiments;
using Segments.Core.Segmentation;
using Segments.Core.Transactions;
using Segments.Integration.Tests.Fixtures;
using Segments.Pipeline.Recompute;
using Segments.Storage.Account;
using Segments.Storage.Blobs;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Integration.Tests.Insights;

/// <summary><see cref="RunInsights"/> on its own, against Azurite's config container: experiment resolution and the hash key.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RunInsightsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateOnly AsOf = new(2024, 3, 31);
    private StorageAccount _storage = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _storage = StorageAccount.Connect(azurite.ConnectionString);
        await _storage.EnsureReadyAsync(CancellationToken.None);
        await new ConfigStore(_storage).WriteTextAsync(
            ExperimentLoader.BlobName,
            """{"experiments": [{"name": "winback", "segment": "rfm:Lost", "controlShare": 0.5}, {"name": "again", "segment": "rfm:Lost", "controlShare": 0.1}]}""",
            CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Without_a_hash_key_no_groups_are_assigned_and_the_run_says_why()
    {
        var insights = await ComputeAsync(hashKey: null);

        Assert.Empty(insights.Experiments);
        Assert.All(insights.Rows, row => Assert.Empty(row.ExperimentGroups));
        Assert.Equal(
            [
                "experiment 'again': segment rfm:Lost already has experiment 'winback'; one experiment per segment",
                "setting Segments:Experiments:HashKey is not set, so no groups were assigned (experiments 'winback')",
            ],
            insights.ExperimentErrors);
    }

    [Fact]
    public async Task With_a_hash_key_the_segments_customers_get_their_group_and_the_run_their_counts()
    {
        var insights = await ComputeAsync(hashKey: "k");

        // D is the one Lost customer of the five.
        var d = insights.Rows.Single(r => r.CustomerId == "D");
        var expected = new ControlGroupAssigner("k").GroupOf("winback", 0.5, "D");
        Assert.Equal([new ExperimentAssignment("rfm:Lost", "winback", expected)], d.ExperimentGroups);
        var summary = Assert.Single(insights.Experiments);
        Assert.Equal(expected == ExperimentGroups.Control ? (1, 0) : (0, 1), (summary.Control, summary.Treatment));
        Assert.Equal(4, insights.Rows.Count(r => r.ExperimentGroups.Count == 0));
    }

    private async Task<RunInsightsResult> ComputeAsync(string? hashKey)
    {
        var engine = new SegmentationEngine(AsOf);
        foreach (var (customer, order, date, amount) in new[]
        {
            ("A", "o1", "2024-03-30", 100m), ("A", "o2", "2024-03-20", 50m), ("B", "o3", "2024-03-01", 500m),
            ("C", "o4", "2024-01-01", 20m), ("C", "o5", "2024-02-01", 20m), ("C", "o6", "2024-03-25", 20m),
            ("D", "o7", "2023-06-01", 10m), ("E", "o8", "2024-03-31", 1000m), ("E", "o9", "2024-03-31", 1000m),
        })
        {
            engine.Add(new TransactionLine(customer, order, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), amount, "Norway", false));
        }

        var result = engine.Compute([]);
        var rows = result.Customers
            .Select(c => new CustomerSegmentRow(c.CustomerId, c.Rfm.Metrics.RecencyDays, c.Rfm.Metrics.Frequency, c.Rfm.Metrics.Monetary, c.Rfm.R, c.Rfm.F, c.Rfm.M, c.Rfm.Code, c.Rfm.Segment, c.Rfm.Metrics.Country)
            {
                LifecycleStage = c.LifecycleStage,
                Cluster = c.Cluster,
            })
            .ToList();
        var run = new RunRecord { RunId = "r1", AsOf = AsOf, Status = RunStatus.Running, Trigger = "test", RequestedAt = DateTimeOffset.UnixEpoch };
        var insights = new RunInsights(new ExperimentLoader(new ConfigStore(_storage)), new SegmentProfileStore(_storage), Options.Create(new ExperimentOptions { HashKey = hashKey }));
        return await insights.ComputeAsync(run, result, rows, CancellationToken.None);
    }
}
