using Segments.Core.Experiments;
using Segments.Pipeline.Delivery;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Tests.Delivery;

public sealed class SegmentMovesTests
{
    private static readonly RunRecord Previous = Run("r1", ["Active", "At Risk"]);
    private static readonly RunRecord Current = Run("r2", ["Active", "At Risk", "Lapsed"]);

    [Fact]
    public void Moves_are_entered_and_exited_per_segment_of_the_wanted_family_with_the_group_of_the_run_the_customer_was_in_it()
    {
        var before = new Dictionary<string, CustomerSegmentRow>
        {
            ["a"] = Row("a", "Active"),
            ["b"] = Row("b", "At Risk") with { ExperimentGroups = [new ExperimentAssignment("lifecycle:At Risk", "winback", "control")] },
            ["gone"] = Row("gone", "Active"),
        };
        CustomerSegmentRow[] after = [Row("a", "At Risk"), Row("b", "Lapsed"), Row("new", "Active")];

        var moves = SegmentMoves.Between(Previous, before, Current, after, id => id.StartsWith("lifecycle:", StringComparison.Ordinal));

        Assert.Equal(
            [
                ("a", "lifecycle:Active", SegmentMoveKind.Exited, (string?)null),
                ("a", "lifecycle:At Risk", SegmentMoveKind.Entered, null),
                ("b", "lifecycle:At Risk", SegmentMoveKind.Exited, "control"),
                ("b", "lifecycle:Lapsed", SegmentMoveKind.Entered, null),
                ("gone", "lifecycle:Active", SegmentMoveKind.Exited, null),
                ("new", "lifecycle:Active", SegmentMoveKind.Entered, null),
            ],
            moves.Select(m => (m.CustomerId, m.Segment, m.Kind, m.Group)).Order());
    }

    [Fact]
    public void Segments_not_wanted_give_no_moves()
    {
        var before = new Dictionary<string, CustomerSegmentRow> { ["a"] = Row("a", "Active") };

        var moves = SegmentMoves.Between(Previous, before, Current, [Row("a", "At Risk")], id => id == "lifecycle:Lapsed");

        Assert.Empty(moves);
    }

    [Fact]
    public void An_entered_move_carries_every_segment_the_customer_is_in_after_the_run()
    {
        var moves = SegmentMoves.Between(Previous, new Dictionary<string, CustomerSegmentRow>(), Current, [Row("a", "Active")], id => id.StartsWith("lifecycle:", StringComparison.Ordinal));

        Assert.Equal(["rfm:Champions", "lifecycle:Active"], Assert.Single(moves).Memberships);
    }

    private static CustomerSegmentRow Row(string id, string stage) =>
        new(id, 10, 2, 100m, 5, 5, 5, "555", "Champions", "GB") { LifecycleStage = stage };

    private static RunRecord Run(string id, string[] stages) => new()
    {
        RunId = id,
        AsOf = new DateOnly(2011, 12, 10),
        Status = RunStatus.Succeeded,
        Trigger = "api",
        RequestedAt = DateTimeOffset.UnixEpoch,
        Segments = [new SegmentSize("Champions", 1)],
        LifecycleStages = stages.Select(s => new SegmentSize(s, 1)).ToList(),
    };
}
