using System.Text;
using Segments.Core.Events;
using Segments.Core.Synthetic;

namespace Segments.Core.Tests.Events;

/// <summary>
/// The byte-level check <c>validate</c> counts with: it must take the common messages itself (or counting would be
/// no faster) and leave every line a rule might reject to the full path (EventFiles checks the counts agree).
/// </summary>
public class SegmentMessageCounterTests
{
    private static readonly long Latest = (EventFiles.Now + TimeSpan.FromDays(1)).UtcTicks;

    [Theory]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""", EventKind.PageViewed)]
    [InlineData("""{"type":"screen","userId":"C1","timestamp":"2024-03-10T09:00:00.123+01:00","properties":{"name":"Home"}}""", EventKind.PageViewed)]
    [InlineData("""{"type":"identify","userId":"C1","anonymousId":null,"timestamp":"2024-03-10T09:00:00Z","traits":{"email":"a@b.c","tags":["x"]}}""", EventKind.Identify)]
    [InlineData("""{"type":"track","event":"Product Viewed","messageId":"m1","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","properties":{"product_id":"P1","price":91.57,"quantity":1}}""", EventKind.ProductViewed)]
    [InlineData("""{"type":"track","event":" product added ","userId":"C1","timestamp":"2024-03-10T09:00:00Z","properties":{"product_id":"P1","price":null}}""", EventKind.ProductAdded)]
    [InlineData("""{"type":"track","event":"Checkout Started","userId":"C1","timestamp":"2024-03-10T09:00:00Z","properties":{"total":12.5,"products":[{"product_id":"P1","price":2.5,"quantity":5}]}}""", EventKind.CheckoutStarted)]
    [InlineData("""{"type":"track","event":"Order Completed","userId":"C1","timestamp":"2024-03-10T09:00:00Z","properties":{"order_id":"O1","revenue":10,"products":[]}}""", EventKind.OrderCompleted)]
    [InlineData("""{"type":"track","event":"Signed Up","userId":"C1","timestamp":"2024-03-10T09:00:00Z"}""", EventKind.Other)]
    [InlineData(""" {"type":"alias","userId":"C1","timestamp":"2024-03-10T09:00:00Z"} """, EventKind.Other)]
    public void A_plain_message_is_counted_on_its_bytes_with_its_kind_by_the_plain_walk_and_by_the_reader(string line, EventKind kind)
    {
        // Act
        var plain = PlainSegmentMessageCounter.TryAccept(Encoding.UTF8.GetBytes(line), Latest, out var plainKind);
        var read = SegmentMessageCounter.TryAcceptWithReader(Encoding.UTF8.GetBytes(line), Latest, out var readKind);

        // Assert
        Assert.True(plain);
        Assert.True(read);
        Assert.Equal(kind, plainKind);
        Assert.Equal(kind, readKind);
    }

    [Theory]
    [InlineData("""{"type":"track","event":"Product Viewed","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","properties":{"category":"Küche"}}""", EventKind.ProductViewed)]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","properties":{"title":"say \"hi\""}}""", EventKind.PageViewed)]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","context":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}""", EventKind.PageViewed)]
    public void A_line_the_plain_walk_refuses_is_still_counted_on_its_bytes_by_the_reader(string line, EventKind kind)
    {
        // Act
        var plain = PlainSegmentMessageCounter.TryAccept(Encoding.UTF8.GetBytes(line), Latest, out _);
        var accepted = SegmentMessageCounter.TryAccept(Encoding.UTF8.GetBytes(line), Latest, out var read);

        // Assert
        Assert.False(plain);
        Assert.True(accepted);
        Assert.Equal(kind, read);
    }

    [Theory]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"} x""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z" """)]
    [InlineData("""[{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}]""")]
    [InlineData("""{"anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""")]
    [InlineData("""{"type":"Page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""")]
    [InlineData("""{"type":"merge","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""")]
    [InlineData("""{"type":"page","anonymousId":"a"}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-02-30T09:00:00Z"}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00"}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-17T09:00:00Z"}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":1710061200}""")]
    [InlineData("""{"type":"page","userId":"   ","timestamp":"2024-03-10T09:00:00Z"}""")]
    [InlineData("""{"type":"page","userId":"","anonymousId":null,"timestamp":"2024-03-10T09:00:00Z"}""")]
    [InlineData("""{"type":"page","userId":17850,"timestamp":"2024-03-10T09:00:00Z"}""")]
    [InlineData("""{"type":"page","userId":"C\u00e9","timestamp":"2024-03-10T09:00:00Z"}""")]
    [InlineData("""{"type":"track","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""")]
    [InlineData("""{"type":"track","event":"  ","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""")]
    [InlineData("""{"type":"track","event":"Produkt Ansicht für","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""")]
    [InlineData("""{"type":"track","event":"Product Viewed","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","properties":{"price":"9.99"}}""")]
    [InlineData("""{"type":"track","event":"Product Viewed","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","properties":{"quantity":-1}}""")]
    [InlineData("""{"type":"track","event":"Product Viewed","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","properties":{"quantity":1e3}}""")]
    [InlineData("""{"type":"track","event":"Product Viewed","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","properties":{"price":{"amount":3}}}""")]
    [InlineData("""{"type":"track","event":"Order Completed","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","properties":{"total":"lots"}}""")]
    [InlineData("""{"type":"track","event":"Order Completed","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","properties":{"products":[{"price":true}]}}""")]
    [InlineData("""{"type":"track","event":"Order Completed","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","properties":{"products":["P1"]}}""")]
    [InlineData("""{"type":"track","event":"Order Completed","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","properties":{"products":"none"}}""")]
    [InlineData("""{"type":"page","type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","properties":{"price":1,"price":2}}""")]
    [InlineData("""{"typ\u0065":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","properties":[1]}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z",}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","x":01}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","x":1.}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","x":-}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","x":tru}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","x":nullx}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","x":[1,]}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","x":{"a" 1}}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","x":{"a":1,}}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","x":"unterminated}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","x":'single'}""")]
    [InlineData("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z" "x":1}""")]
    [InlineData("")]
    [InlineData("   ")]
    public void A_message_a_rule_might_reject_or_that_is_not_plain_is_left_to_the_full_path(string line)
    {
        // Act
        var accepted = SegmentMessageCounter.TryAccept(Encoding.UTF8.GetBytes(line), Latest, out _);

        // Assert
        Assert.False(accepted);
    }

    [Fact]
    public void Every_generated_message_is_counted_on_its_bytes_and_the_file_counts_as_the_full_path_reads_it()
    {
        // Arrange: the benchmark's generator, a few thousand lines.
        var writer = new StringWriter();
        BehaviourEventGenerator.Write(writer, 5_000, long.MaxValue, new DateOnly(2024, 1, 1), days: 30, seed: 3);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var latest = (DateTimeOffset.UtcNow + TimeSpan.FromDays(1)).UtcTicks;

        // Act
        var kinds = lines.Select(line => SegmentMessageCounter.TryAccept(Encoding.UTF8.GetBytes(line), latest, out var kind) ? kind : (EventKind?)null).ToList();

        // Assert: none needed the full path or even the general reader, and the kinds are the full path's.
        Assert.Equal(5_000, kinds.Count(k => k is not null));
        Assert.All(lines, line => Assert.True(PlainSegmentMessageCounter.TryAccept(Encoding.UTF8.GetBytes(line), latest, out _), line));
        var reader = new EventLinesReader(new Segments.Core.Transactions.CustomerIdPolicy(EventFiles.Ingest), new EventReadOptions { Now = DateTimeOffset.UtcNow });
        var expected = lines.Select(line => reader.ReadAllAsync(new StringReader(line)).Result.Events.Single().Kind);
        Assert.Equal(expected, kinds.Select(k => k!.Value));
    }

    [Fact]
    public async Task Generated_lines_with_bytes_broken_at_random_count_as_the_full_path_reads_them()
    {
        // Arrange: generated messages, most with one byte replaced by, inserted as or deleted for a JSON-significant
        // character, so that the plain walk meets every kind of almost-valid JSON.
        var writer = new StringWriter();
        BehaviourEventGenerator.Write(writer, 4_000, long.MaxValue, new DateOnly(2024, 3, 1), days: 10, seed: 11);
        var random = new Random(5);
        const string Significant = "{}[]\",:0-.e1 tnfu\u00e9";
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var at = random.Next(line.Length);
            var c = Significant[random.Next(Significant.Length)];
            return random.Next(4) switch
            {
                0 => line,
                1 => line.Remove(at, 1),
                2 => line.Insert(at, c.ToString()),
                _ => line.Remove(at, 1).Insert(at, c.ToString()),
            };
        });

        // Act and assert: EventFiles checks that counting finds the reference's kinds, rejected lines and errors.
        var result = await EventFiles.ReadAsync(string.Join('\n', lines));
        Assert.True(result.Errors.Count > 500, $"{result.Errors.Count} errors");
        Assert.True(result.Events.Count > 2_000, $"{result.Events.Count} events");
    }

    [Fact]
    public async Task Counting_keeps_the_first_errors_asked_for_and_counts_the_rest()
    {
        // Arrange
        var good = """{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""";
        var text = string.Join('\n', Enumerable.Range(1, 3000).Select(i => i % 100 == 0 ? "{bad" : good));
        var reader = new EventLinesReader(new Segments.Core.Transactions.CustomerIdPolicy(EventFiles.Ingest), new EventReadOptions { Now = EventFiles.Now, MaxDegreeOfParallelism = 2 });

        // Act
        var counts = await reader.CountAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), maxErrorsKept: 3);

        // Assert
        Assert.Equal(2970, counts.Accepted);
        Assert.Equal(30, counts.Rejected);
        Assert.Equal([100L, 200L, 300L], counts.FirstErrors.Select(e => e.Line));
        Assert.Equal(EventDialect.Segment, counts.Dialect);
        Assert.Equal(2970, counts.ByKind[EventKind.PageViewed]);
    }
}
