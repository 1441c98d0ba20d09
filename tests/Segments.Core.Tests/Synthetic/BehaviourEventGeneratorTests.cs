using Segments.Core.Events;
using Segments.Core.Synthetic;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Synthetic;

public class BehaviourEventGeneratorTests
{
    private static readonly DateOnly FirstDay = new(2024, 2, 1);

    [Fact]
    public void Same_seed_and_size_give_the_same_events_file()
    {
        // Arrange, Act
        var first = Generate(lines: 3_000, seed: 7);
        var second = Generate(lines: 3_000, seed: 7);
        var other = Generate(lines: 3_000, seed: 8);

        // Assert
        Assert.Equal(first.Text, second.Text);
        Assert.NotEqual(first.Text, other.Text);
        Assert.Equal(3_000, first.Summary.Lines);
        Assert.Equal(first.Text.Length, first.Summary.Bytes);
    }

    [Fact]
    public async Task Generated_events_read_without_errors_with_a_realistic_funnel_and_all_three_segments()
    {
        // Arrange
        var (text, summary) = Generate(lines: 40_000, seed: 1);
        var asOf = FirstDay.AddDays(30);
        var reader = new EventLinesReader(
            new CustomerIdPolicy(new Segments.Core.Ingest.IngestOptions()),
            new EventReadOptions { Now = new DateTimeOffset(asOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) });

        // Act
        var read = await reader.ReadAllAsync(new StringReader(text));
        var resolved = EventIdentityResolver.Resolve(read.Events, asOf);
        var result = new BehaviourSegmenter(new BehaviourSettings()).Compute(resolved, OrderBook.Build([], resolved, asOf), asOf);

        // Assert
        Assert.Empty(read.Errors);
        Assert.Equal(EventDialect.Segment, read.Dialect);
        Assert.Equal(summary.Lines, read.Events.Count);
        Assert.Equal(summary.Lines - summary.RedeliveredLines, MessageDeduplicator.FirstOfEachMessage(read.Events).Count());
        Assert.InRange(summary.RedeliveredLines, 1, summary.Lines / 100);
        Assert.Equal(summary.ProductViews, MessageDeduplicator.FirstOfEachMessage(read.Events).Count(e => e.Kind == EventKind.ProductViewed));
        Assert.Equal(summary.OrdersCompleted, MessageDeduplicator.FirstOfEachMessage(read.Events).Count(e => e.Kind == EventKind.OrderCompleted));
        Assert.True(summary.ProductViews > summary.ProductAdds && summary.ProductAdds > summary.CheckoutsStarted && summary.CheckoutsStarted > summary.OrdersCompleted);
        Assert.InRange(summary.OrdersCompleted / (double)summary.Sessions, 0.01, 0.05);
        Assert.InRange(summary.AnonymousLines / (double)summary.Lines, 0.4, 0.9);
        Assert.True(summary.Identifies > 0);
        Assert.All(read.Events, e => Assert.InRange(e.Day, FirstDay, FirstDay.AddDays(30)));
        Assert.NotEmpty(result.CustomersIn(BehaviourSegment.CartAbandoners));
        Assert.NotEmpty(result.CustomersIn(BehaviourSegment.BrowseAbandoners));
        Assert.NotEmpty(result.CustomersIn(BehaviourSegment.Prospects));
        Assert.True(result.AnonymousVisitors > 0);
    }

    [Fact]
    public void Byte_bound_stops_the_events_at_the_first_whole_line_past_it()
    {
        // Arrange, Act
        var (text, summary) = Generate(lines: long.MaxValue, seed: 3, maxBytes: 200_000);

        // Assert
        Assert.InRange(summary.Bytes, 200_000, 200_000 + 2_048);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    private static (string Text, BehaviourEventSummary Summary) Generate(long lines, ulong seed, long maxBytes = long.MaxValue)
    {
        using var writer = new StringWriter();
        var summary = BehaviourEventGenerator.Write(writer, lines, maxBytes, FirstDay, days: 30, seed);
        return (writer.ToString(), summary);
    }
}
