using Segments.Core.Events;
using Segments.Pipeline.Queries;
using Segments.Pipeline.Recompute;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Tests.Recompute;

public sealed class BehaviourRunTests
{
    private static readonly DateOnly AsOf = new(2024, 3, 31);

    private static BehaviourRun Run(params BehaviourEvent[] events)
    {
        var resolved = EventIdentityResolver.Resolve(events, AsOf);
        var result = new BehaviourSegmenter(new BehaviourSettings()).Compute(resolved, OrderBook.Build([], resolved, AsOf), AsOf);
        return new BehaviourRun(result, resolved, 1);
    }

    private static BehaviourEvent Event(EventKind kind, string user, int day, decimal? value = null, int quantity = 0) =>
        new(null, user, null, kind, new DateTimeOffset(2024, 3, day, 10, 0, 0, TimeSpan.Zero), ["P1"], value, quantity, null, kind.ToString(), null);

    private static CustomerSegmentRow Row(string id) => new(id, 10, 2, 50m, 4, 3, 2, "432", "Loyal", "Norway");

    [Fact]
    public void A_scored_row_gets_its_behaviour_segments_explanations_and_facts()
    {
        // Arrange
        var run = Run(Event(EventKind.ProductAdded, "B", 28, value: 85m, quantity: 2));

        // Act
        var row = run.Annotate(Row("B"));

        // Assert
        Assert.Equal(["Cart Abandoners", "Prospects"], row.BehaviourSegments);
        Assert.Equal("added 2 items worth 85.00 to the cart 3 days ago; no order since", row.BehaviourExplanations["Cart Abandoners"]);
        Assert.Equal(85m, row.Behaviour!.AbandonedCart!.Value);
        Assert.Equal(("Loyal", 10), (row.Segment, row.RecencyDays));
    }

    [Fact]
    public void Customers_known_only_from_events_get_rows_after_the_scored_ones()
    {
        // Arrange
        var run = Run(Event(EventKind.PageViewed, "A", 20), Event(EventKind.PageViewed, "P", 20));

        // Act
        var rows = run.WithCustomersWithoutOrders([Row("A")]);

        // Assert
        Assert.Equal(["A", "P"], rows.Select(r => r.CustomerId));
        Assert.Equal((string.Empty, 0), (rows[1].Segment, rows[1].Frequency));
        Assert.Equal(["Prospects"], rows[1].BehaviourSegments);
        Assert.Equal(new DateTimeOffset(2024, 3, 20, 10, 0, 0, TimeSpan.Zero), rows[1].Behaviour!.LastSeen);
    }

    [Fact]
    public void Without_events_there_is_no_behaviour_family_and_rows_stay_as_they_were()
    {
        var row = Row("A");

        Assert.Empty(BehaviourRun.None.Sizes);
        Assert.Same(row, Assert.Single(BehaviourRun.None.WithCustomersWithoutOrders([row])));
    }

    [Fact]
    public void Sizes_list_every_behaviour_segment_and_a_run_lists_them_as_the_behaviour_family()
    {
        // Arrange
        var behaviour = Run(Event(EventKind.ProductAdded, "B", 28, value: 1m, quantity: 1));
        var record = new RunRecord { RunId = "r1", AsOf = AsOf, Status = RunStatus.Succeeded, Trigger = "http", RequestedAt = DateTimeOffset.UnixEpoch, BehaviourSegments = behaviour.Sizes };

        // Act
        var ids = SegmentRef.InRun(record).Select(s => s.Id);
        var resolved = SegmentRef.Resolve("behaviour:cart abandoners", record).Segment;

        // Assert
        Assert.Equal([("Cart Abandoners", 1), ("Browse Abandoners", 0), ("Prospects", 1)], behaviour.Sizes.Select(s => (s.Name, s.Customers)));
        Assert.Equal(["behaviour:Cart Abandoners", "behaviour:Browse Abandoners", "behaviour:Prospects"], ids);
        Assert.True(resolved!.Contains(behaviour.Annotate(Row("B"))));
        Assert.False(resolved.Contains(Row("B")));
    }
}
