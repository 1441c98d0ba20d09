using Segments.Core.Events;

namespace Segments.Core.Tests.Events;

public class SourceDayReplacementTests
{
    [Fact]
    public void A_ga4_day_exported_twice_counts_once_with_the_later_export()
    {
        // Arrange: day 10 exported in batch 1 (two views), re-exported in batch 2 (three views, a late hit); day 11 only in batch 2.
        var first = new EventBatch(1, [Day10("a"), Day10("b")]);
        var second = new EventBatch(2, [Day10("a"), Day10("b"), Day10("c"), Ev.Make(EventKind.PageViewed, 4, anonymous: "d", sourceDay: "ga4:20240311")]);
        var segment = new EventBatch(3, [Ev.Make(EventKind.PageViewed, 3, anonymous: "s", messageId: "m1")]);

        // Act
        var kept = SourceDayReplacement.LatestOfEachDay([second, segment, first]).ToList();

        // Assert
        Assert.Equal(["a", "b", "c", "d", "s"], kept.Select(e => e.AnonymousId));
        Assert.Equal(3, kept.Count(e => e.SourceDay == "ga4:20240310"));
    }

    private static BehaviourEvent Day10(string anonymous) => Ev.Make(EventKind.ProductViewed, 5, anonymous: anonymous, sourceDay: "ga4:20240310");
}
