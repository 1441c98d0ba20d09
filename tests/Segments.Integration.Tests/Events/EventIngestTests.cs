using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Events;

/// <summary>Behaviour-event exports dropped into <c>events</c>, ingested by the local blob trigger through the one ingest pipeline, on a real Azurite.</summary>
public sealed class EventIngestTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    [Fact]
    public async Task Segment_JSON_Lines_are_accepted_into_the_events_ledger_with_a_normalised_batch()
    {
        // Arrange: 24 good messages, by two customers and a visitor.
        var lines = Enumerable.Range(0, 24).Select(i => Track($"m{i}", i % 3 == 0 ? null : $"C{i % 2}", $"anon-{i % 3}", "Product Viewed", $"2011-12-0{1 + (i % 8)}T10:00:00Z"));

        // Act
        var batch = await Host.WaitForBatchAsync(await Host.UploadEventsAsync("segment/day1.jsonl", Utf8(lines)));

        // Assert
        Assert.Equal(("events", "accepted", "segment", "jsonl"), (batch.GetProperty("kind").GetString(), batch.GetProperty("status").GetString(), batch.GetProperty("profile").GetString(), batch.GetProperty("format").GetString()));
        Assert.Equal((24L, 24L, 0L), (batch.GetProperty("rowsRead").GetInt64(), batch.GetProperty("rowsAccepted").GetInt64(), batch.GetProperty("rowsRejected").GetInt64()));
        var normalizedName = batch.GetProperty("normalizedBlob").GetString()!;
        Assert.StartsWith("events/", normalizedName, StringComparison.Ordinal);
        await using var normalized = await new NormalizedBatchStore(Host.Storage).OpenReadAsync(normalizedName, CancellationToken.None);
        using var reader = new StreamReader(normalized);
        var events = await Core.Events.NormalizedEventFormat.ReadAsync(reader).ToListAsync();
        Assert.Equal(24, events.Count);
        Assert.Equal(("m1", "C1", Core.Events.EventKind.ProductViewed), (events[1].MessageId, events[1].UserId, events[1].Kind));
    }

    [Fact]
    public async Task Gzipped_events_are_read_as_the_same_content_and_counted_once()
    {
        // Arrange
        var content = Utf8(Enumerable.Range(0, 5).Select(i => Track($"g{i}", "C1", null, "Product Added", "2011-12-05T10:00:00Z")));

        // Act
        var plain = await Host.WaitForBatchAsync(await Host.UploadEventsAsync("plain.jsonl", content));
        var gzipped = await Host.WaitForBatchAsync(await Host.UploadEventsAsync("again.jsonl.gz", Gzip(content)));

        // Assert: gzip is read from its magic bytes; identical content is a duplicate of the plain copy.
        Assert.Equal(("accepted", 5L), (plain.GetProperty("status").GetString(), plain.GetProperty("rowsAccepted").GetInt64()));
        Assert.Equal(("duplicate", "jsonl+gzip"), (gzipped.GetProperty("status").GetString(), gzipped.GetProperty("format").GetString()));
        Assert.Contains("'plain.jsonl'", gzipped.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_lines_are_reported_with_their_line_numbers_and_reasons_and_reject_the_file_above_the_threshold()
    {
        // Arrange: five bad lines among ten; the limit is 5%.
        string[] lines =
        [
            Track("ok1", "C1", null, "Product Viewed", "2011-12-05T10:00:00Z"),
            "{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"C1\"",
            """{"type":"track","event":"Product Viewed","userId":"C1","messageId":"x3"}""",
            """{"type":"track","event":"Product Viewed","userId":"C1","messageId":"x4","timestamp":"yesterday"}""",
            """{"type":"track","userId":"C1","messageId":"x5","timestamp":"2011-12-05T10:00:00Z"}""",
            Track("ok6", "C1", null, "Product Viewed", "2011-12-05T10:00:00Z"),
            Track("x7", "C1", null, "Product Viewed", "2099-01-01T00:00:00Z"),
            Track("ok8", "C1", null, "Product Viewed", "2011-12-05T10:00:00Z"),
            Track("ok9", "C1", null, "Product Viewed", "2011-12-05T10:00:00Z"),
            Track("ok10", "C1", null, "Product Viewed", "2011-12-05T10:00:00Z"),
        ];

        // Act
        var batch = await Host.WaitForBatchAsync(await Host.UploadEventsAsync("broken.jsonl", Utf8(lines)));
        var report = await new ErrorReportStore(Host.Storage).ReadAsync(batch.GetProperty("errorReportBlob").GetString()!, CancellationToken.None);

        // Assert
        Assert.Equal(("rejected", 10L, 5L), (batch.GetProperty("status").GetString(), batch.GetProperty("rowsRead").GetInt64(), batch.GetProperty("rowsRejected").GetInt64()));
        Assert.Contains("above the 5.0% limit", batch.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("events/broken.jsonl.errors.jsonl", batch.GetProperty("errorReportBlob").GetString());
        var errors = report.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([2L, 3L, 4L, 5L, 7L], errors.Select(e => e.GetProperty("line").GetInt64()));
        Assert.Contains("not valid JSON", errors[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("timestamp", errors[1].GetProperty("reason").GetString() + errors[1].GetProperty("column").GetString(), StringComparison.Ordinal);
        Assert.Contains("event", errors[3].GetProperty("reason").GetString() + errors[3].GetProperty("column").GetString(), StringComparison.Ordinal);
        Assert.Contains("future", errors[4].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_bad_line_in_many_is_reported_and_the_rest_is_accepted()
    {
        // Arrange: one malformed line in 30 (3.3%, under the 5% limit).
        var lines = Enumerable.Range(0, 30).Select(i => i == 11 ? "not json" : Track($"n{i}", "C1", null, "Product Viewed", "2011-12-05T10:00:00Z"));

        // Act
        var batch = await Host.WaitForBatchAsync(await Host.UploadEventsAsync("mostly-good.jsonl", Utf8(lines)));
        var report = await new ErrorReportStore(Host.Storage).ReadAsync(batch.GetProperty("errorReportBlob").GetString()!, CancellationToken.None);

        // Assert
        Assert.Equal(("accepted", 29L, 1L), (batch.GetProperty("status").GetString(), batch.GetProperty("rowsAccepted").GetInt64(), batch.GetProperty("rowsRejected").GetInt64()));
        Assert.Equal(12, JsonDocument.Parse(report.Trim()).RootElement.GetProperty("line").GetInt64());
    }

    /// <summary>One Segment <c>track</c> message as a JSON line.</summary>
    internal static string Track(string messageId, string? userId, string? anonymousId, string name, string timestamp) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "track",
            ["event"] = name,
            ["messageId"] = messageId,
            ["userId"] = userId,
            ["anonymousId"] = anonymousId,
            ["timestamp"] = timestamp,
            ["properties"] = new Dictionary<string, object> { ["product_id"] = "P1", ["price"] = 12.5m, ["quantity"] = 1 },
        });

    internal static byte[] Utf8(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");

    internal static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }
}
