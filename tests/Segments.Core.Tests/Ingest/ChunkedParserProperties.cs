using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Segments.Core.Ingest;
using Segments.Core.Ingest.Chunked;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Ingest;

/// <summary>
/// The parallel chunked parser is an optimisation only: for any upload, valid or damaged, it must give exactly
/// what the sequential parser gives (the same report, the same accepted lines and row errors in the same order,
/// and the same normalised batch), whatever the chunk size. Tiny chunks put records, quoted line breaks and
/// doubled quotes across chunk boundaries.
/// </summary>
public class ChunkedParserProperties
{
    private static readonly Gen<ChunkingSettings> Chunkings =
        from bytes in Gen.OneOf(Gen.Choose(1, 64), Gen.Choose(65, 4096))
        from workers in Gen.Choose(1, 3)
        select new ChunkingSettings(true, bytes, workers);

    private static readonly Gen<IngestOptions> Rules = Gen.Elements(
        new IngestOptions(),
        ProcessedExport.Lenient,
        ProcessedExport.Lenient with { MaxRecordChars = 60 });

    // A damaged file may hold a bare CR outside quotes, which Sylvan itself reads as a line end near the end of
    // its buffer and as data elsewhere (its vectorised path looks for LF only). With the default record limit
    // these files fit in one buffer, the same for both paths; a tiny limit makes the buffer tiny, and where it
    // ends then differs between the two paths (the chunked one hands over mid-file), so it is not compared here.
    private static readonly Gen<IngestOptions> DamagedRules = Gen.Elements(new IngestOptions(), ProcessedExport.Lenient);

    [Property(MaxTest = 300)]
    public Property Valid_exports_read_in_chunks_give_what_the_sequential_parser_gives() =>
        Prop.ForAll(
            GeneratedExport.Generator(maxOrders: 20, Gen.OneOf(GeneratedExport.DelimitedStyles(gzip: false), GeneratedExport.DelimitedStyles(gzip: true), GeneratedExport.JsonLinesStyles(gzip: false), GeneratedExport.JsonLinesStyles(gzip: true), UnixStyles())).ToArbitrary(),
            Chunkings.ToArbitrary(),
            Rules.ToArbitrary(),
            async (export, chunking, rules) => await AssertSameAsync(export.Bytes(), export.Style.Name, chunking, rules));

    [Property(MaxTest = 500)]
    public Property Damaged_exports_read_in_chunks_give_what_the_sequential_parser_gives() =>
        Prop.ForAll(
            CorruptedExport.Generator(maxOrders: 12).ToArbitrary(),
            Chunkings.ToArbitrary(),
            DamagedRules.ToArbitrary(),
            async (corrupted, chunking, rules) => await AssertSameAsync(corrupted.Bytes(), corrupted.Export.Style.Name, chunking, rules));

    [Fact]
    public async Task A_gzip_export_larger_than_its_sniffed_head_is_inflated_and_parsed_in_chunks_as_the_sequential_parser_reads_it()
    {
        // Arrange: about 300 KiB of rows (the first 64 KiB are read ahead to sniff the format), one of them bad.
        var gzip = ExportBytes.Gzip(ExportBytes.Utf8(ManyRows(6000, badRow: 4321)));
        using var stream = new MemoryStream(gzip);
        var (reader, _) = await TransactionFileReader.OpenAsync(stream, new ExportSource("orders.csv.gz"), ExportContext.Default, new ChunkingSettings(true, 4096, 2), CancellationToken.None);
        await using (reader!)
        {
            Assert.Equal((true, "csv+gzip"), (reader!.IsChunked, reader.Format));
        }

        // Act, Assert
        await AssertSameAsync(gzip, "orders.csv.gz", new ChunkingSettings(true, 4096, 2), new IngestOptions());
        await AssertSameAsync(gzip, "orders.csv.gz", ChunkingSettings.Default, new IngestOptions());
    }

    [Fact]
    public async Task A_gzip_export_cut_short_after_its_sniffed_head_is_rejected_for_the_same_reason_on_both_paths()
    {
        // Arrange: the compressed bytes cut at two thirds, well after the first 64 KiB of content.
        var gzip = ExportBytes.Gzip(ExportBytes.Utf8(ManyRows(6000, badRow: -1)));
        var cut = gzip[..(gzip.Length * 2 / 3)];

        // Act
        var sequential = await ProcessedExport.ProcessAsync(cut, name: "orders.csv.gz", chunking: ChunkingSettings.Sequential);
        var chunked = await ProcessedExport.ProcessAsync(cut, name: "orders.csv.gz", chunking: new ChunkingSettings(true, 4096, 2));

        // Assert: the same reason. How many rows were counted before the damage was met depends on how far each
        // path reads ahead (the "after N rows" part); the file is rejected as a whole either way.
        Assert.Equal(ReasonOf(sequential.Report.Rejection), ReasonOf(chunked.Report.Rejection));
        Assert.StartsWith("the gzip data is truncated or corrupt", chunked.Report.Rejection, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n", false)]
    [InlineData("\r\n", true)]
    public async Task A_json_lines_export_is_read_in_chunks_as_the_sequential_parser_reads_it(string lineEnd, bool gzip)
    {
        // Arrange: about 500 KiB of orders with a line that is not JSON, one that is not an object, one far too
        // long, blank lines, keys in another case and order, and values as numbers and strings.
        var text = new StringBuilder("\uFEFF{\"customer_id\":\"C-0\",\"order_id\":\"O-0\",\"order_date\":\"2011-12-01\",\"amount\":1.5}" + lineEnd);
        for (var i = 1; i < 6000; i++)
        {
            var line = (i % 1500) switch
            {
                7 => "{\"customer_id\": \"C-7\", \"order_id\": ",
                8 => "[1, 2, 3]",
                9 => "   ",
                10 => "{\"customer_id\":\"" + new string('x', 70_000) + "\"}",
                _ => i % 2 == 0
                    ? $"{{\"AMOUNT\":\"{i % 89}.{i % 100:00}\",\"Order_Date\":\"2011-12-{1 + (i % 28):00}\",\"order_id\":\"O-{i}\",\"customer_id\":\"C-{i % 97}\",\"note\":\"a \\\"quoted\\\" \\n word\"}}"
                    : $"{{\"customer_id\":\"C-{i % 97}\",\"order_id\":\"O-{i}\",\"order_date\":\"2011-12-{1 + (i % 28):00}\",\"amount\":{i % 89}.{i % 100:00}}}",
            };
            text.Append(line).Append(lineEnd);
        }

        var bytes = ExportBytes.Utf8(text.ToString());
        bytes = gzip ? ExportBytes.Gzip(bytes) : bytes;
        var name = gzip ? "orders.jsonl.gz" : "orders.jsonl";
        using var stream = new MemoryStream(bytes);
        var (reader, _) = await TransactionFileReader.OpenAsync(stream, new ExportSource(name), ExportContext.Default, new ChunkingSettings(true, 4096, 2), CancellationToken.None);
        await using (reader!)
        {
            Assert.Equal((true, gzip ? "jsonl+gzip" : "jsonl"), (reader!.IsChunked, reader.Format));
        }

        // Act, Assert
        var lenient = ProcessedExport.Lenient with { MaxRecordChars = 60_000 };
        await AssertSameAsync(bytes, name, new ChunkingSettings(true, 4096, 2), lenient);
        await AssertSameAsync(bytes, name, ChunkingSettings.Default, lenient);
        var run = await ProcessedExport.ProcessAsync(bytes, lenient, name, chunking: ChunkingSettings.Default);
        // 6,000 lines: four blank ones passed over, twelve bad ones (four each of three kinds) rejected.
        Assert.Equal((6000L - 4 - 12, 12L), (run.Report.RowsAccepted, run.Report.RowsRejected));
    }

    [Fact]
    public async Task A_json_lines_export_with_a_bare_CR_or_bytes_that_are_not_UTF8_is_taken_over_by_the_sequential_reader_with_the_same_rows()
    {
        // Arrange: a bare CR (a line end for ReadLine) and an invalid byte, both well after the first chunks.
        var text = new StringBuilder("{\"customer_id\":\"C-0\",\"order_id\":\"O-0\",\"order_date\":\"2011-12-01\",\"amount\":1}\n");
        for (var i = 1; i < 3000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{{\"customer_id\":\"C-{i % 97}\",\"order_id\":\"O-{i}\",\"order_date\":\"2011-12-{1 + (i % 28):00}\",\"amount\":{i % 89}}}");
            text.Append(i == 2100 ? "\r" : "\n");
        }

        var bytes = ExportBytes.Utf8(text.ToString());
        bytes[bytes.Length / 2] = 0xFF;

        // Act, Assert
        await AssertSameAsync(bytes, "orders.jsonl", new ChunkingSettings(true, 4096, 2), ProcessedExport.Lenient);
    }

    [Fact]
    public async Task A_quoted_field_with_line_breaks_across_chunk_boundaries_keeps_its_text_and_line_numbers()
    {
        // Arrange: a product with two line breaks and doubled quotes, read 7 bytes at a time.
        var text = "\uFEFFcustomer_id,order_id,order_date,amount,product\n"
            + "C-1,SO-1,2011-12-09,10.00,\"first\nsecond, \"\"quoted\"\"\nthird\"\n"
            + "C-2,SO-2,not a date,5.00,Mug\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var (reader, _) = await TransactionFileReader.OpenAsync(stream, new ExportSource("orders.csv"), ExportContext.Default, new ChunkingSettings(true, 7, 2), CancellationToken.None);
        await using var open = reader!;

        // Act
        var rows = new List<ParsedRow>();
        await foreach (var row in open.ReadRowsAsync(CancellationToken.None))
        {
            rows.Add(row);
        }

        // Assert
        Assert.True(open.IsChunked);
        Assert.Equal([2L, 5L], rows.Select(r => r.Line));
        Assert.Equal("first\nsecond, \"quoted\"\nthird", rows[0].Transaction.Product);
        Assert.Equal("not a date", rows[1].Error!.Value);
    }

    [Fact]
    public async Task A_CRLF_export_is_read_in_chunks_with_its_quoted_line_breaks_kept()
    {
        // Arrange: CRLF line ends, and a quoted CRLF inside a product, read 5 bytes at a time.
        var text = "customer_id;order_id;order_date;amount;product\r\n"
            + "C-1;SO-1;2011-12-09;10.00;\"Line\r\nbreak\"\r\n"
            + "C-2;SO-2;2011-12-10;;Mug\r\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var (reader, _) = await TransactionFileReader.OpenAsync(stream, new ExportSource("orders.csv"), ExportContext.Default, new ChunkingSettings(true, 5, 2), CancellationToken.None);
        await using var open = reader!;

        // Act
        var rows = new List<ParsedRow>();
        await foreach (var row in open.ReadRowsAsync(CancellationToken.None))
        {
            rows.Add(row);
        }

        // Assert
        Assert.True(open.IsChunked);
        Assert.Equal([2L, 4L], rows.Select(r => r.Line));
        Assert.Equal("Line\r\nbreak", rows[0].Transaction.Product);
        Assert.Equal("missing number", rows[1].Error!.Reason);
    }

    /// <summary>LF-only styles, with or without BOM: twice as likely as CRLF among the valid exports.</summary>
    private static Gen<ExportStyle> UnixStyles() =>
        GeneratedExport.DelimitedStyles(gzip: false).Select(style => style with { LineEnd = "\n" });

    private static async Task AssertSameAsync(byte[] bytes, string name, ChunkingSettings chunking, IngestOptions rules)
    {
        // Act
        var sequential = await ProcessedExport.ProcessAsync(bytes, rules, name, chunking: ChunkingSettings.Sequential);
        var chunked = await ProcessedExport.ProcessAsync(bytes, rules, name, chunking: chunking);

        // Assert
        Assert.Equal(Describe(sequential.Report), Describe(chunked.Report));
        Assert.Equal(sequential.Lines, chunked.Lines);
        Assert.Equal(sequential.Errors, chunked.Errors);
        Assert.Equal(await BatchAsync(sequential.Lines), await BatchAsync(chunked.Lines));
    }

    private static string ManyRows(int count, int badRow)
    {
        var csv = new StringBuilder("customer_id,order_id,order_date,amount,product\n");
        for (var i = 0; i < count; i++)
        {
            var date = i == badRow ? "not a date" : $"2011-12-{1 + (i % 28):00}";
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"C-{i % 97},O-{i},{date},{i % 89}.{i % 100:00},\"Mug, blue {i}\"\n");
        }

        return csv.ToString();
    }

    private static string? ReasonOf(string? rejection) => rejection?.Split(" (after ")[0];

    private static string Describe(IngestReport report) =>
        $"{report with { FirstErrors = [] }} errors: {string.Join(" | ", report.FirstErrors)}";

    private static async Task<byte[]> BatchAsync(IReadOnlyList<TransactionLine> lines)
    {
        using var buffer = new MemoryStream();
        var writer = new StreamWriter(buffer, NormalizedBatchFormat.Encoding);
        await using (writer.ConfigureAwait(false))
        {
            await NormalizedBatchFormat.WriteHeaderAsync(writer);
            foreach (var line in lines)
            {
                await NormalizedBatchFormat.WriteAsync(writer, line);
            }
        }

        return buffer.ToArray();
    }
}
