using Segments.Pipeline.Queries;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Tests.Queries;

public sealed class SegmentRefTests
{
    private static readonly RunRecord Run = new()
    {
        RunId = "r1",
        AsOf = new DateOnly(2011, 12, 10),
        Status = RunStatus.Succeeded,
        Trigger = "http",
        RequestedAt = DateTimeOffset.UnixEpoch,
        Segments = [new SegmentSize("Champions", 804), new SegmentSize("Lost", 566)],
        LifecycleStages = [new SegmentSize("At Risk", 696), new SegmentSize("Lost", 301)],
        Clusters = [new Core.Clustering.ClusterSummary(0, 10, 1, 1, 1), new Core.Clustering.ClusterSummary(1, 20, 2, 2, 2)],
        RuleSegments = [new SegmentSize("Big spenders", 12)],
    };

    [Fact]
    public void Lists_every_family_with_qualified_ids()
    {
        Assert.Equal(
            ["rfm:Champions", "rfm:Lost", "lifecycle:At Risk", "lifecycle:Lost", "cluster:0", "cluster:1", "rule:Big spenders"],
            SegmentRef.InRun(Run).Select(s => s.Id));
    }

    [Theory]
    [InlineData("champions", "rfm:Champions")]
    [InlineData("At Risk", "lifecycle:At Risk")]
    [InlineData("LIFECYCLE:lost", "lifecycle:Lost")]
    [InlineData("rfm:Lost", "rfm:Lost")]
    [InlineData("cluster:1", "cluster:1")]
    [InlineData("rule:big spenders", "rule:Big spenders")]
    public void Resolves_bare_names_and_qualified_ids_ignoring_case(string requested, string expected)
    {
        Assert.Equal(expected, SegmentRef.Resolve(requested, Run).Segment?.Id);
    }

    [Fact]
    public void A_bare_name_in_two_families_is_ambiguous_and_lists_both()
    {
        var (segment, candidates) = SegmentRef.Resolve("Lost", Run);

        Assert.Null(segment);
        Assert.Equal(["rfm:Lost", "lifecycle:Lost"], candidates.Select(c => c.Id));
    }

    [Theory]
    [InlineData("Nobody")]
    [InlineData("rfm:At Risk")]
    [InlineData("cluster:7")]
    [InlineData("planet:Champions")]
    public void Unknown_names_resolve_to_nothing(string requested)
    {
        var (segment, candidates) = SegmentRef.Resolve(requested, Run);

        Assert.Null(segment);
        Assert.Empty(candidates);
    }

    [Fact]
    public void Membership_is_read_from_the_customer_row()
    {
        var row = new CustomerSegmentRow("c1", 3, 5, 100m, 5, 5, 5, "555", "Champions", "UK")
        {
            LifecycleStage = "Active",
            Cluster = 1,
            RuleSegments = ["Big spenders"],
        };

        Assert.True(new SegmentRef(SegmentKind.Rfm, "Champions").Contains(row));
        Assert.False(new SegmentRef(SegmentKind.Rfm, "Lost").Contains(row));
        Assert.True(new SegmentRef(SegmentKind.Lifecycle, "Active").Contains(row));
        Assert.True(new SegmentRef(SegmentKind.Cluster, "1").Contains(row));
        Assert.False(new SegmentRef(SegmentKind.Cluster, "0").Contains(row));
        Assert.True(new SegmentRef(SegmentKind.Rule, "Big spenders").Contains(row));
    }
}
