using Segments.Core.Events;
using Segments.Core.Rules;
using Segments.Core.Segmentation;

namespace Segments.Core.Tests.Events;

public class BehaviourAnalyzerTests
{
    [Fact]
    public void A_GA4_day_exported_again_replaces_the_first_export_before_segments_are_computed()
    {
        // Arrange: the first export of the day has one view by u1, the re-export of that day has two.
        var first = new EventBatch(1, [Ev.Viewed(3, "u1") with { SourceDay = "ga4:20240312" }]);
        var again = new EventBatch(2, [Ev.Viewed(3, "u1") with { SourceDay = "ga4:20240312" }, Ev.Viewed(3, "u1", hour: 13) with { SourceDay = "ga4:20240312" }]);

        // Act
        var analysis = BehaviourAnalyzer.Analyze([first, again], [], Ev.AsOf, new BehaviourSettings());

        // Assert
        Assert.Equal(2, analysis.Histories["u1"].Events.Count);
        Assert.Equal(["u1"], analysis.Behaviour.CustomersIn(BehaviourSegment.BrowseAbandoners));
    }

    [Fact]
    public void Order_completed_events_become_order_lines_once_per_order_id_not_in_any_export()
    {
        // Arrange
        var resolved = EventIdentityResolver.Resolve(
            [
                Ev.Make(EventKind.OrderCompleted, 5, "u1", value: 40m, orderId: "O-1"),
                Ev.Make(EventKind.OrderCompleted, 5, "u1", value: 40m, orderId: "O-1", hour: 13),
                Ev.Make(EventKind.OrderCompleted, 4, "u2", value: 15m, orderId: "EXPORTED"),
                Ev.Make(EventKind.OrderCompleted, 3, anonymous: "anon", value: 9m, orderId: "O-3"),
                Ev.Make(EventKind.OrderCompleted, 2, "u3", orderId: "O-4"),
            ],
            Ev.AsOf);

        // Act
        var lines = BehaviourAnalyzer.OrderLines(resolved, new HashSet<string> { "EXPORTED" }).ToList();

        // Assert
        Assert.Equal(
            [("u1", "O-1", Ev.AsOf.AddDays(-5), 40m), ("u3", "O-4", Ev.AsOf.AddDays(-2), 0m)],
            lines.Select(l => (l.CustomerId, l.OrderId, l.OrderDate, l.Amount)));
    }

    [Fact]
    public void Customers_known_only_from_events_get_the_rule_segments_their_events_match()
    {
        // Arrange
        var analysis = BehaviourAnalyzer.Analyze(
            [new EventBatch(1, [Ev.Viewed(2, "prospect"), Ev.Viewed(1, "prospect"), Ev.Make(EventKind.PageViewed, 9, "quiet")])],
            [],
            Ev.AsOf,
            new BehaviourSettings());
        var rules = SegmentDefinitionLoader.Compile(
        [
            new SegmentDefinition("Viewers", string.Empty, "events('Product Viewed', 7d) >= 2"),
            new SegmentDefinition("Prospects seen lately", string.Empty, "prospect = true AND days_since_last_seen <= 3"),
        ]).Segments;
        var scored = new SegmentationEngine(Ev.AsOf).Compute(rules);

        // Act
        var eventOnly = EventOnlyCustomers.Evaluate(rules, analysis.Histories, scored);

        // Assert
        Assert.Equal(
            [("prospect", "Viewers; Prospects seen lately"), ("quiet", string.Empty)],
            eventOnly.Select(c => (c.CustomerId, string.Join("; ", c.RuleSegments))));
    }
}
