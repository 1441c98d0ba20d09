using System.Text;
using Segments.Core.Ingest;
using Segments.Core.Ingest.Chunked;

namespace Segments.Core.Tests.Ingest;

/// <summary>
/// Hostile and broken files are rejected cleanly (a row error, or the file with one short reason), never with an
/// exception; the parallel and the sequential parser say the same.
/// </summary>
public class MalformedFileTests
{
    private const string Header = "customer_id,order_id,order_date,amount";

    public static TheoryData<bool> BothParsers => new() { true, false };

    [Theory]
    [MemberData(nameof(BothParsers))]
    public async Task A_record_far_over_MaxRecordChars_is_a_row_error_and_the_lines_after_it_keep_their_numbers(bool chunked)
    {
        // Line 3 is a quoted field of 5,000 characters over three lines, five times the limit (Sylvan's buffer
        // holds twice the limit): only that row is lost.
        var text = ProcessedExport.Text(Header, "A,o1,2024-03-01,10", $"B,\"{new string('x', 2000)}\n{new string('y', 2000)}\n{new string('z', 1000)}\",2024-03-01,10", "C,o3,2024-03-01,10", "D,o4,2024-03-01,oops");

        var run = await ProcessAsync(text, chunked, new IngestOptions { MaxRecordChars = 1000, MaxRejectedFraction = 1 });

        Assert.Null(run.Report.Rejection);
        Assert.Equal(["A", "C"], run.Lines.Select(l => l.CustomerId));
        Assert.Equal(
            [(3L, "line 3 is longer than the 1,000-character limit for one record (setting Segments:Ingest:MaxRecordChars)"), (7L, "not a number")],
            run.Errors.Select(e => (e.Line, e.Reason)));
    }

    [Theory]
    [MemberData(nameof(BothParsers))]
    public async Task An_unterminated_quote_rejects_the_file_naming_the_line_where_the_field_began(bool chunked)
    {
        var rows = Enumerable.Range(1, 200).Select(i => $"C{i},o{i},2024-03-01,10");
        var text = ProcessedExport.Text([Header, "A,o1,2024-03-01,10", "B,\"o2,2024-03-01,10", .. rows]);

        var run = await ProcessAsync(text, chunked, new IngestOptions { MaxRecordChars = 1000 });

        Assert.Equal("line 3: a quoted field starts on this line and is never closed (the file ends inside it) (after 1 rows)", run.Report.Rejection);
    }

    [Theory]
    [MemberData(nameof(BothParsers))]
    public async Task A_row_with_more_fields_than_the_header_is_a_row_error_not_a_shifted_customer(bool chunked)
    {
        var text = ProcessedExport.Text(Header, "A,o1,2024-03-01,10", "B,o2,2024-03-01,1,250.00", "C,o3,2024-03-01,10");

        var run = await ProcessAsync(text, chunked, ProcessedExport.Lenient);

        Assert.Equal(["A", "C"], run.Lines.Select(l => l.CustomerId));
        var error = Assert.Single(run.Errors);
        Assert.Equal((3L, "expected 4 fields, found 5"), (error.Line, error.Reason));
    }

    [Fact]
    public async Task A_header_of_200000_columns_is_rejected_without_writing_the_header_into_the_reason()
    {
        var header = string.Join(",", Enumerable.Range(0, 200_000).Select(i => $"c{i}"));

        var run = await ProcessedExport.ProcessAsync(header + "\n1,2\n", new IngestOptions { MaxRecordChars = 4 * 1024 * 1024 });

        Assert.Equal("the header has 200,000 columns, more than the 4,096 allowed (setting Segments:Ingest:MaxColumns)", run.Report.Rejection);
    }

    [Fact]
    public async Task A_header_line_over_MaxRecordChars_is_rejected_without_writing_the_header_into_the_reason()
    {
        var run = await ProcessedExport.ProcessAsync("customer_id" + new string('x', 5000) + ",order_id\n1,2\n", new IngestOptions { MaxRecordChars = 1000 });

        Assert.Equal("the header (line 1) is longer than the 1,000-character limit for one record (setting Segments:Ingest:MaxRecordChars)", run.Report.Rejection);
    }

    [Fact]
    public async Task An_unrecognised_header_is_named_by_its_first_columns_only()
    {
        var header = string.Join(",", Enumerable.Range(0, 500).Select(i => $"col{i}"));

        var run = await ProcessedExport.ProcessAsync(header + "\n" + string.Join(",", Enumerable.Range(0, 500)) + "\n");

        Assert.EndsWith("; found (col0,col1,col2,col3,col4,col5,col6,col7,col8,col9,col10,col11,col12,col13,col14,col15,col16,col17,col18,col19,… (480 more))", run.Report.Rejection, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BothParsers))]
    public async Task Bytes_that_are_not_UTF8_are_a_row_error_naming_the_byte_offset(bool chunked)
    {
        var head = Encoding.UTF8.GetBytes(ProcessedExport.Text(Header, "A,o1,2024-03-01,10", "Zoë,o2,2024-03-01,10"));
        byte[] bytes = [.. head, .. "M"u8, 0xFC, .. "ller,o3,2024-03-01,10\nC,o4,2024-03-01,10\n"u8];

        var run = await ProcessAsync(bytes, chunked, ProcessedExport.Lenient);

        Assert.Equal(["A", "Zoë", "C"], run.Lines.Select(l => l.CustomerId));
        var error = Assert.Single(run.Errors);
        Assert.Equal(4L, error.Line);
        Assert.StartsWith($"bytes that are not valid UTF-8 at byte offset {head.Length + 1:N0};", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Lines, l => l.CustomerId.Contains('\uFFFD', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF8_in_a_gzip_file_are_a_row_error_too()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(ProcessedExport.Text(Header, "A,o1,2024-03-01,10")), .. "M"u8, 0xFC, .. "ller,o3,2024-03-01,10\n"u8];

        var run = await ProcessedExport.ProcessAsync(ExportBytes.Gzip(bytes), ProcessedExport.Lenient, name: "export.csv.gz");

        Assert.Equal(["A"], run.Lines.Select(l => l.CustomerId));
        Assert.Equal(3L, Assert.Single(run.Errors).Line);
    }

    [Fact]
    public async Task A_file_declared_windows_1252_is_decoded_as_such()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(ProcessedExport.Text(Header, "A,o1,2024-03-01,10")), .. "M"u8, 0xFC, .. "ller,o3,2024-03-01,10\n"u8];

        var run = await ProcessAsync(bytes, chunked: true, ProcessedExport.Lenient, encodingName: "windows-1252");

        Assert.Null(run.Report.Rejection);
        Assert.Equal(["A", "Müller"], run.Lines.Select(l => l.CustomerId));
        Assert.Empty(run.Errors);
    }

    [Fact]
    public async Task A_mapping_that_declares_windows_1252_decodes_the_files_it_recognises()
    {
        var (mapping, problems) = Segments.Core.Ingest.Mappings.MappingCatalog<Segments.Core.Ingest.Mappings.ExportMapping>.Parse(
            """{ "name": "till", "detect": ["Kunde", "Beleg"], "encoding": "windows-1252", "customer": ["Kunde"], "order": "Beleg", "orderDate": ["Datum"], "amount": "Betrag" }""",
            "till.json");
        Assert.Empty(problems);
        byte[] bytes = [.. "Kunde,Beleg,Datum,Betrag\nM"u8, 0xFC, .. "ller,B1,2024-03-01,10\n"u8];
        var processor = new ExportProcessor(new ExportContext(new IngestOptions(), Segments.Core.Ingest.Mappings.MappingCatalog<Segments.Core.Ingest.Mappings.ExportMapping>.BuiltIn.With([mapping!])));
        var customers = new List<string>();
        using var stream = new MemoryStream(bytes);

        var report = await processor.ProcessAsync(stream, new ExportSource("till.csv"), line => { customers.Add(line.CustomerId); return ValueTask.CompletedTask; }, _ => ValueTask.CompletedTask, CancellationToken.None);

        Assert.Equal((null, "till"), (report.Rejection, report.Mapping));
        Assert.Equal(["Müller"], customers);
    }

    [Fact]
    public async Task An_unknown_declared_encoding_rejects_the_file_saying_so()
    {
        var run = await ProcessAsync(Encoding.UTF8.GetBytes(ProcessedExport.Text(Header, "A,o1,2024-03-01,10")), chunked: true, null, encodingName: "klingon-8");

        Assert.StartsWith("unknown text encoding 'klingon-8'", run.Report.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gzip_of_several_members_is_read_whole()
    {
        // As `cat monday.gz tuesday.gz` or parallel writers produce it.
        byte[] bytes = [.. ExportBytes.Gzip(Encoding.UTF8.GetBytes(ProcessedExport.Text(Header, "A,o1,2024-03-01,10"))), .. ExportBytes.Gzip(Encoding.UTF8.GetBytes("B,o2,2024-03-01,20\nC,o3,2024-03-01,30\n"))];

        var run = await ProcessedExport.ProcessAsync(bytes, name: "export.csv.gz");

        Assert.Null(run.Report.Rejection);
        Assert.Equal(["A", "B", "C"], run.Lines.Select(l => l.CustomerId));
    }

    [Fact]
    public async Task A_gzip_of_several_members_cut_inside_the_last_is_rejected_as_truncated()
    {
        var second = ExportBytes.Gzip(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, 500).Select(i => $"B{i},o{i},2024-03-01,{i}\n"))));
        byte[] bytes = [.. ExportBytes.Gzip(Encoding.UTF8.GetBytes(ProcessedExport.Text(Header, "A,o1,2024-03-01,10"))), .. second[..(second.Length / 2)]];

        var run = await ProcessedExport.ProcessAsync(bytes, name: "export.csv.gz");

        Assert.NotNull(run.Report.Rejection);
        Assert.Contains("truncated", run.Report.Rejection, StringComparison.Ordinal);
    }

    private static Task<ProcessedExport> ProcessAsync(string text, bool chunked, IngestOptions? options) =>
        ProcessAsync(Encoding.UTF8.GetBytes(text), chunked, options);

    private static Task<ProcessedExport> ProcessAsync(byte[] bytes, bool chunked, IngestOptions? options, string? encodingName = null) =>
        // Tiny chunks, so that the parallel parser meets the problem mid-file, in some chunk but the first.
        ProcessedExport.ProcessAsync(bytes, options, chunking: chunked ? new ChunkingSettings(true, 64, 2) : ChunkingSettings.Sequential, encodingName: encodingName);
}
