using System.IO.Compression;
using System.Text;
using Segments.Core.Events;
using Segments.Core.Ingest;

namespace Segments.Core.Tests.Events;

public class EventExportProcessorTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 31, 12, 0, 0, TimeSpan.Zero);

    private static string Track(int i, string day = "2024-03-20") =>
        $$$"""{"type":"track","event":"Product Viewed","userId":"C{{{i % 3}}}","messageId":"m{{{i}}}","timestamp":"{{{day}}}T10:00:00Z","properties":{"product_id":"P{{{i}}}"}}""";

    private static byte[] Lines(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");

    private static async Task<(IngestReport Report, List<BehaviourEvent> Events, List<RowError> Errors)> ProcessAsync(byte[] content, string name = "events.jsonl", IngestOptions? options = null)
    {
        var events = new List<BehaviourEvent>();
        var errors = new List<RowError>();
        using var stream = new MemoryStream(content);
        var report = await new EventExportProcessor(options ?? new IngestOptions()).ProcessAsync(
            stream,
            new ExportSource(name),
            Now,
            e => { events.Add(e); return ValueTask.CompletedTask; },
            e => { errors.Add(e); return ValueTask.CompletedTask; },
            CancellationToken.None);
        return (report, events, errors);
    }

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    [Fact]
    public async Task Plain_and_gzipped_files_give_the_same_events_and_say_their_format()
    {
        // Arrange
        var content = Lines(Enumerable.Range(0, 10).Select(i => Track(i)));

        // Act
        var plain = await ProcessAsync(content);
        var gzipped = await ProcessAsync(Gzip(content), "events.jsonl.gz");

        // Assert
        Assert.Equal(("segment", "jsonl", 10L, 10L), (plain.Report.Mapping, plain.Report.Format, plain.Report.RowsRead, plain.Report.RowsAccepted));
        Assert.Equal(("segment", "jsonl+gzip", 10L), (gzipped.Report.Mapping, gzipped.Report.Format, gzipped.Report.RowsAccepted));
        Assert.Equal(plain.Events, gzipped.Events, (a, b) => a.MessageId == b.MessageId && a.UserId == b.UserId && a.Timestamp == b.Timestamp);
        Assert.Null(plain.Report.Rejection);
    }

    [Fact]
    public async Task One_bad_line_in_thirty_is_a_row_error_and_the_file_is_accepted()
    {
        // Arrange
        var lines = Enumerable.Range(0, 30).Select(i => i == 7 ? "{\"type\":\"track\"" : Track(i));

        // Act
        var (report, events, errors) = await ProcessAsync(Lines(lines));

        // Assert
        Assert.Equal((29, 1L), (events.Count, report.RowsRejected));
        Assert.Equal(8, Assert.Single(errors).Line);
        Assert.Contains("not valid JSON", errors[0].Reason, StringComparison.Ordinal);
        Assert.False(report.IsRejected);
    }

    [Fact]
    public async Task Bad_lines_above_the_threshold_reject_the_file_naming_the_setting()
    {
        // Arrange: a missing timestamp, a track without event, a far-future timestamp among seven lines.
        string[] lines =
        [
            Track(1),
            """{"type":"track","event":"Product Viewed","userId":"C1","messageId":"x"}""",
            """{"type":"track","userId":"C1","messageId":"y","timestamp":"2024-03-20T10:00:00Z"}""",
            Track(4, "2031-01-01"),
            Track(5),
            Track(6),
            Track(7),
        ];

        // Act
        var (report, _, errors) = await ProcessAsync(Lines(lines));

        // Assert
        Assert.Equal([2L, 3L, 4L], errors.Select(e => e.Line));
        Assert.True(report.IsRejected);
        Assert.Contains("Segments:Ingest:MaxRejectedFraction", report.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_over_the_record_limit_is_a_row_error_with_its_length()
    {
        // Arrange: the limit is 300 characters; line 2 is longer.
        var lines = Enumerable.Range(0, 30).Select(i => i == 1 ? Track(i).Replace("P1\"", "P" + new string('1', 400) + "\"", StringComparison.Ordinal) : Track(i));

        // Act
        var (report, _, errors) = await ProcessAsync(Lines(lines), options: new IngestOptions { MaxRecordChars = 300 });

        // Assert
        Assert.Equal(2, Assert.Single(errors).Line);
        Assert.Contains("over the 300-character limit", errors[0].Reason, StringComparison.Ordinal);
        Assert.Equal(29L, report.RowsAccepted);
    }

    [Fact]
    public async Task A_gz_name_on_plain_content_is_refused_as_a_whole()
    {
        // Act
        var (report, events, _) = await ProcessAsync(Lines([Track(1)]), "events.jsonl.gz");

        // Assert
        Assert.Empty(events);
        Assert.Equal("the name ends in .gz but the content is not gzip data", report.Rejection);
    }

    [Fact]
    public async Task GA4_rows_are_read_in_their_dialect_with_their_source_day()
    {
        // Arrange
        var row = """{"event_date":"20240320","event_timestamp":"1710928800000000","event_name":"add_to_cart","user_id":"C1","user_pseudo_id":"g1","items":[{"item_id":"P1","price":5,"quantity":2}]}""";

        // Act
        var (report, events, _) = await ProcessAsync(Lines([row]));

        // Assert
        Assert.Equal("ga4", report.Mapping);
        var read = Assert.Single(events);
        Assert.Equal((EventKind.ProductAdded, "ga4:20240320", 10m), (read.Kind, read.SourceDay, read.Value));
    }
}
