using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Segments.Core.Ingest;
using Segments.Core.Ingest.Chunked;
using Segments.Core.Rfm;
using Segments.Core.Scoring;
using Segments.Core.Tests.Ingest;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Scoring;

/// <summary>
/// <c>segments score</c> folds lines into customers on the parse tasks, chunk by chunk, and merges the chunks in
/// file order. The sequential path (one parser, one line at a time into <see cref="CustomerAggregator.Add"/>) is
/// the reference: whatever the chunk size and the number of parse tasks (1, 2, 4), and for valid and damaged
/// uploads of every container (CSV, JSON Lines, gzip; a damaged one hands the rest of the file to the sequential
/// parser part-way), the report, the as-of date and every customer's measures and scores are the same.
/// </summary>
public class ChunkedScoringProperties
{
    private static readonly Gen<ChunkingSettings> Chunkings =
        from bytes in Gen.OneOf(Gen.Choose(1, 64), Gen.Choose(65, 4096))
        from workers in Gen.Elements(1, 2, 4)
        select new ChunkingSettings(true, bytes, workers);

    private static readonly Gen<DateOnly?> AsOfs = Gen.Elements<DateOnly?>(null, new DateOnly(2015, 6, 30));

    [Property(MaxTest = 200)]
    public Property Valid_exports_scored_in_chunks_give_the_sequential_scores() =>
        Prop.ForAll(
            GeneratedExport.Generator(maxOrders: 30, Gen.OneOf(GeneratedExport.DelimitedStyles(gzip: false), GeneratedExport.DelimitedStyles(gzip: true), GeneratedExport.JsonLinesStyles(gzip: false), GeneratedExport.JsonLinesStyles(gzip: true))).ToArbitrary(),
            Chunkings.ToArbitrary(),
            AsOfs.ToArbitrary(),
            async (export, chunking, asOf) => await AssertSameAsync(export.Bytes(), export.Style.Name, chunking, asOf));

    [Property(MaxTest = 200)]
    public Property Damaged_exports_scored_in_chunks_give_the_sequential_scores() =>
        Prop.ForAll(
            CorruptedExport.Generator(maxOrders: 12).ToArbitrary(),
            Chunkings.ToArbitrary(),
            AsOfs.ToArbitrary(),
            async (corrupted, chunking, asOf) => await AssertSameAsync(corrupted.Bytes(), corrupted.Export.Style.Name, chunking, asOf));

    [Theory]
    [InlineData("csv", 4096, 1)]
    [InlineData("csv", 4096, 2)]
    [InlineData("csv", 65536, 4)]
    [InlineData("csv.gz", 4096, 2)]
    [InlineData("jsonl", 4096, 2)]
    [InlineData("jsonl.gz", 65536, 4)]
    public async Task The_shipped_sample_scored_in_chunks_gives_the_sequential_scores(string container, int chunkBytes, int workers)
    {
        // Arrange: samples/online-retail-sample.csv (14,382 rows, 1.3 MB, 147 customers scored), as it is or as JSON Lines, plain or gzip.
        var csv = await File.ReadAllBytesAsync(SamplePath());
        var content = container.StartsWith("jsonl", StringComparison.Ordinal) ? JsonLinesOf(Encoding.UTF8.GetString(csv)) : csv;
        var bytes = container.EndsWith(".gz", StringComparison.Ordinal) ? ExportBytes.Gzip(content) : content;

        // Act, Assert
        var scored = await AssertSameAsync(bytes, "online-retail-sample." + container, new ChunkingSettings(true, chunkBytes, workers), new DateOnly(2011, 12, 10));
        Assert.Equal(147, scored.Scoring!.Customers.Count);
    }

    [Fact]
    public async Task A_file_the_sequential_parser_takes_over_part_way_has_every_accepted_line_folded_once_in_file_order()
    {
        // Arrange: 3,000 rows read 1 KiB at a time; row 2,000 has a quote inside an unquoted field, which makes its
        // chunk irregular: from there the sequential parser reads the rest, chunks already parsed after it included.
        var csv = new StringBuilder("customer_id,order_id,order_date,amount,product\n");
        for (var i = 0; i < 3000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"C-{i % 37},O-{i / 3},2011-12-{1 + (i % 28):00},{i % 89}.{i % 100:00},{(i == 2000 ? "12\" vinyl" : "Mug")}\n");
        }

        var bytes = ExportBytes.Utf8(csv.ToString());
        var sequential = await ProcessedExport.ProcessAsync(bytes, ProcessedExport.Lenient, "orders.csv", chunking: ChunkingSettings.Sequential);
        var fold = new RecordingFold();
        var processor = new ExportProcessor(new ExportContext(ProcessedExport.Lenient, ExportContext.Default.Catalog)) { Chunking = new ChunkingSettings(true, 1024, 2) };
        using var stream = new MemoryStream(bytes);

        // Act
        var report = await processor.FoldAsync(stream, new ExportSource("orders.csv"), fold, _ => ValueTask.CompletedTask, CancellationToken.None);

        // Assert: both ways were used, and together they folded exactly the sequential lines, in order.
        Assert.True(fold.FoldedInChunks > 0 && fold.FoldedOneByOne > 0, $"{fold.FoldedInChunks} in chunks, {fold.FoldedOneByOne} one by one");
        Assert.Equal(sequential.Report.RowsAccepted, report.RowsAccepted);
        Assert.Equal(sequential.Lines, fold.Lines);
    }

    [Fact]
    public async Task A_fold_that_reads_no_products_gets_every_line_without_its_product_and_otherwise_the_same()
    {
        // Arrange: as above, a file read partly in chunks and partly by the sequential parser; scoring reads no
        // products, so its mappers leave them out.
        var csv = new StringBuilder("customer_id,order_id,order_date,amount,product\n");
        for (var i = 0; i < 3000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"C-{i % 37},O-{i / 3},2011-12-{1 + (i % 28):00},{i % 89}.{i % 100:00},{(i == 2000 ? "12\" vinyl" : $"Mug {i % 5}")}\n");
        }

        var bytes = ExportBytes.Utf8(csv.ToString());
        var sequential = await ProcessedExport.ProcessAsync(bytes, ProcessedExport.Lenient, "orders.csv", chunking: ChunkingSettings.Sequential);
        var fold = new RecordingFold(readsProducts: false);
        var processor = new ExportProcessor(new ExportContext(ProcessedExport.Lenient, ExportContext.Default.Catalog)) { Chunking = new ChunkingSettings(true, 1024, 2) };
        using var stream = new MemoryStream(bytes);

        // Act
        var report = await processor.FoldAsync(stream, new ExportSource("orders.csv"), fold, _ => ValueTask.CompletedTask, CancellationToken.None);

        // Assert: both ways were used; the ingest's lines have their products, the fold's none, and nothing else differs.
        Assert.True(fold.FoldedInChunks > 0 && fold.FoldedOneByOne > 0, $"{fold.FoldedInChunks} in chunks, {fold.FoldedOneByOne} one by one");
        Assert.Equal((sequential.Report.RowsAccepted, sequential.Report.RowsRejected, sequential.Report.RowsSkipped), (report.RowsAccepted, report.RowsRejected, report.RowsSkipped));
        Assert.Equal("Mug 0", sequential.Lines[0].Product);
        Assert.All(fold.Lines, line => Assert.Equal(string.Empty, line.Product));
        Assert.Equal(sequential.Lines.Select(line => line with { Product = string.Empty }), fold.Lines);
    }

    private static async Task<FileScoringReport> AssertSameAsync(byte[] bytes, string name, ChunkingSettings chunking, DateOnly? asOf)
    {
        // Act
        var sequential = await ScoreAsync(bytes, name, ChunkingSettings.Sequential, asOf);
        var chunked = await ScoreAsync(bytes, name, chunking, asOf);

        // Assert
        Assert.Equal(Describe(sequential), Describe(chunked));
        return chunked;
    }

    private static async Task<FileScoringReport> ScoreAsync(byte[] bytes, string name, ChunkingSettings chunking, DateOnly? asOf)
    {
        using var stream = new MemoryStream(bytes);
        return await FileScorer.ScoreAsync(stream, new ExportSource(name), new ExportContext(ProcessedExport.Lenient, ExportContext.Default.Catalog), asOf, chunking, CancellationToken.None);
    }

    /// <summary>The report, the as-of date and every customer's measures (amounts with their scale) and scores, as text.</summary>
    private static string Describe(FileScoringReport report) =>
        $"{report.Ingest with { FirstErrors = [] }} errors: {string.Join(" | ", report.Ingest.FirstErrors)}\nas of {report.AsOf:yyyy-MM-dd}\n"
        + (report.Scoring is not { } scoring
            ? "not scored"
            : string.Join("\n", scoring.Customers.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Metrics.CustomerId} {c.Metrics.RecencyDays} {c.Metrics.Frequency} {c.Metrics.Monetary} {c.Metrics.Country} {c.Code} {c.Segment}"))));

    /// <summary>The same rows as JSON Lines: one object per row, the header's names as keys, every value a string.</summary>
    private static byte[] JsonLinesOf(string csv)
    {
        var rows = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => DelimitedLine.Split(line.TrimEnd('\r'), ',')).ToList();
        var text = new StringBuilder();
        foreach (var row in rows.Skip(1))
        {
            text.Append(JsonSerializer.Serialize(rows[0].Zip(row).ToDictionary(pair => pair.First, pair => pair.Second))).Append('\n');
        }

        return ExportBytes.Utf8(text.ToString());
    }

    private static string SamplePath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", "online-retail-sample.csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("samples/online-retail-sample.csv not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Keeps every line it is given, in the order the merges and single adds reach it.</summary>
    private sealed class RecordingFold(bool readsProducts = true) : IAcceptedLineFold
    {
        public bool ReadsProducts => readsProducts;

        public List<TransactionLine> Lines { get; } = [];

        public int FoldedInChunks { get; private set; }

        public int FoldedOneByOne { get; private set; }

        public object? FoldChunk(ReadOnlySpan<ParsedRow> rows)
        {
            var accepted = new List<TransactionLine>();
            foreach (var row in rows)
            {
                if (row.Status == RowStatus.Accepted)
                {
                    accepted.Add(row.Transaction);
                }
            }

            return accepted.Count > 0 ? accepted : null;
        }

        public void Merge(object partial)
        {
            var lines = (List<TransactionLine>)partial;
            Lines.AddRange(lines);
            FoldedInChunks += lines.Count;
        }

        public void Add(in TransactionLine line)
        {
            Lines.Add(line);
            FoldedOneByOne++;
        }
    }
}
