using Segments.Core.Events;
using Segments.Core.Ingest;
using Segments.Core.Synthetic;
using Xunit.Abstractions;

namespace Segments.Core.Tests.Synthetic;

/// <summary>
/// The three behaviour segments on generated data (<see cref="BehaviourEventGenerator"/>, seed 14, 100,000 messages over
/// 30 days from 2024-03-01, as of 2024-03-31): the counts the note asks for, printed with
/// <c>--logger "console;verbosity=detailed"</c>.
/// </summary>
public class GeneratedEventsSegmentTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Generated_events_give_cart_and_browse_abandoners_and_prospects()
    {
        // Arrange
        var text = new StringWriter();
        BehaviourEventGenerator.Write(text, maxLines: 100_000, maxBytes: long.MaxValue, new DateOnly(2024, 3, 1), days: 30, seed: 14);
        var asOf = new DateOnly(2024, 3, 31);
        var file = await new EventLinesReader(ExportContext.Default.Customers, new EventReadOptions { Now = new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero) }).ReadAllAsync(new StringReader(text.ToString()));

        // Act
        var resolved = EventIdentityResolver.Resolve(file.Events, asOf);
        var result = new BehaviourSegmenter(new BehaviourSettings()).Compute(resolved, OrderBook.Build([], resolved, asOf), asOf);
        var counts = Enum.GetValues<BehaviourSegment>().ToDictionary(s => s, s => result.CustomersIn(s).Count());
        output.WriteLine($"messages {file.Lines:N0}, identified customers with events {result.Facts.Count:N0}, anonymous visitors {result.AnonymousVisitors:N0}");
        output.WriteLine($"Cart Abandoners {counts[BehaviourSegment.CartAbandoners]:N0}, Browse Abandoners {counts[BehaviourSegment.BrowseAbandoners]:N0}, Prospects {counts[BehaviourSegment.Prospects]:N0}");

        // Assert
        Assert.Empty(file.Errors);
        Assert.Equal((68, 407, 967), (counts[BehaviourSegment.CartAbandoners], counts[BehaviourSegment.BrowseAbandoners], counts[BehaviourSegment.Prospects]));
    }
}
