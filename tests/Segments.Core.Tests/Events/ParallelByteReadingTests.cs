using System.Text;
using Segments.Core.Events;
using Segments.Core.Synthetic;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Events;

/// <summary>The byte path (pooled blocks, Utf8JsonReader, parallel) against the sequential text path, line for line.</summary>
public class ParallelByteReadingTests
{
    [Fact]
    public async Task A_generated_file_of_several_blocks_with_bad_lines_reads_the_same_on_the_byte_path_in_parallel()
    {
        // Arrange: about 9 MiB (three 4 MiB blocks) of generated messages, with bad lines, CRLF, blanks, unicode and
        // oddly typed fields spliced in, and no line break at the end.
        var writer = new StringWriter();
        BehaviourEventGenerator.Write(writer, long.MaxValue, 9L << 20, new DateOnly(2024, 1, 1), days: 60, seed: 7);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        string[] odd =
        [
            "{not json",
            "[1,2]",
            "   ",
            """{"type":"track","event":"Product Added","userId":"Zoë@Example.com","timestamp":"2024-01-05T10:00:00+02:00","properties":{"products":[{"product_id":"P1","price":"2.50","quantity":2},"x",{"product_id":7}],"category":"Küche","coupon":null}}""",
            """{"type":"track","event":"Order Completed","anonymousId":"a","timestamp":"2024-01-05T10:00:00Z","properties":{"total":"lots"}}""",
            """{"type":"track","event":"Product Viewed","anonymousId":"a","timestamp":"2024-01-05T10:00:00Z","properties":{"price":{"amount":3}}}""",
            """{"type":"page","anonymousId":"a","timestamp":"2024-01-05T10:00:00Z"} trailing""",
            """{"type":3,"anonymousId":"a","timestamp":"2024-01-05T10:00:00Z"}""",
            """{"type":"identify","userId":17850.0,"timestamp":"2024-01-05T10:00:00Z","properties":[1],"properties":{"plan":"pro","flag":true}}""",
            """{"type":"track","event":"Product Viewed","anonymousId":"a","timestamp":"2024-01-05T10:00:00Z","properties":{"products":"none","product_id":"P\u00e9","quantity":-1}}""",
        ];
        for (var i = 0; i < odd.Length; i++)
        {
            lines.Insert(1 + (i * lines.Count / odd.Length), odd[i]);
        }

        var text = string.Join('\n', lines.Select((l, i) => i % 97 == 0 ? l + "\r" : l));

        // Act
        var result = await EventFiles.ReadAsync(text, maxRecordChars: 300);

        // Assert (EventFiles checked line for line that both paths agree)
        Assert.True(result.Events.Count > 40_000, $"{result.Events.Count} events");
        Assert.True(result.Errors.Count >= 7, $"{result.Errors.Count} errors");
    }

    [Fact]
    public async Task A_line_longer_than_a_block_is_skipped_counted_and_reported_and_the_next_line_is_read()
    {
        // Arrange: a 6 MB line (longer than a 4 MiB block) in multibyte characters, between two good lines.
        var good = """{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""";
        var text = good + "\n{\"type\":\"page\",\"padding\":\"" + new string('é', 3_000_000) + "\"}\r\n" + good;

        // Act
        var result = await EventFiles.ReadAsync(text, maxRecordChars: 1000);

        // Assert
        Assert.Equal(2, result.Events.Count);
        Assert.Equal("is 3,000,028 characters long, over the 1,000-character limit for one record", Assert.Single(result.Errors).Reason);
    }

    [Fact]
    public async Task A_byte_order_mark_is_skipped()
    {
        // Arrange
        var reader = new EventLinesReader(new CustomerIdPolicy(EventFiles.Ingest), new EventReadOptions { Now = EventFiles.Now });
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""")];

        // Act
        var lines = new List<EventLine>();
        await foreach (var line in reader.ReadAsync(new MemoryStream(bytes)))
        {
            lines.Add(line);
        }

        // Assert
        Assert.Equal(EventKind.PageViewed, Assert.Single(lines).Event!.Kind);
    }
}
