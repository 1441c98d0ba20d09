using Segments.Core.Transactions;
using Segments.Storage.State;

namespace Segments.Storage.Tests.State;

public sealed class BucketLinesFileTests
{
    [Fact]
    public async Task Lines_read_back_exactly_as_written_amount_scale_and_empty_fields_included()
    {
        List<StateLine> lines =
        [
            new(3, 0, new TransactionLine("C1", "o1", new DateOnly(2024, 3, 1), 12.50m, "France", false) { Product = "SKU-1" }),
            new(3, 1, new TransactionLine("C1", "o1", new DateOnly(2024, 3, 1), -0.001m, string.Empty, true)),
            new(0, 7, new TransactionLine("Ç2,\"x\"", "o2", new DateOnly(1999, 12, 31), 79228162514264337593543950335m, "United Kingdom", false) { Product = "a, \"b\"" }),
        ];
        using var stream = new MemoryStream();

        await BucketLinesFile.WriteAsync(lines, stream, CancellationToken.None);
        stream.Position = 0;
        var back = await BucketLinesFile.ReadAsync(stream, "test.parquet", CancellationToken.None);

        Assert.Equal(lines, back);
        // Equal decimals may differ in scale; the state keeps the normalised copy's text, so sums print the same.
        Assert.Equal(["12.50", "-0.001", "79228162514264337593543950335"], back.Select(l => l.Line.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_cursor_walks_every_line_in_the_order_written_across_row_groups()
    {
        var lines = Enumerable.Range(0, 25_001)
            .Select(i => new StateLine(i / 1000, i % 1000, new TransactionLine("C" + (i % 97), "o" + (i / 3), new DateOnly(2024, 1, 1).AddDays(i % 300), i / 100m, "Norway", i % 50 == 0)))
            .ToList();
        var stream = new MemoryStream();
        await BucketLinesFile.WriteAsync(lines, stream, CancellationToken.None);
        stream.Position = 0;

        var walked = new List<StateLine>();
        await using (var cursor = await BucketLinesCursor.OpenAsync(stream, "big.parquet", CancellationToken.None))
        {
            while (await cursor.MoveNextAsync(CancellationToken.None))
            {
                walked.Add(cursor.Current);
            }
        }

        Assert.Equal(lines, walked);
    }

    [Fact]
    public async Task A_file_built_line_by_line_reads_back_as_the_lines_added()
    {
        var lines = Enumerable.Range(0, 20_500)
            .Select(i => new StateLine(2, i, new TransactionLine("C" + (i % 13), "o" + i, new DateOnly(2024, 5, 1), 1.5m, string.Empty, false) { Product = "P" + (i % 7) }))
            .ToList();
        await using var writer = new BucketLinesWriter();
        foreach (var line in lines)
        {
            await writer.AddAsync(line, CancellationToken.None);
        }

        var file = await writer.CompleteAsync(CancellationToken.None);

        Assert.Equal(lines.Count, writer.Lines);
        Assert.Equal(lines, await BucketLinesFile.ReadAsync(file.ToStream(), "built.parquet", CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_bucket_reads_back_empty()
    {
        using var stream = new MemoryStream();

        await BucketLinesFile.WriteAsync([], stream, CancellationToken.None);
        stream.Position = 0;

        Assert.Empty(await BucketLinesFile.ReadAsync(stream, "empty.parquet", CancellationToken.None));
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_is_refused_naming_it()
    {
        using var stream = new MemoryStream("not parquet at all"u8.ToArray());

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => BucketLinesFile.ReadAsync(stream, "default/v1/bucket=0003/orders-x.parquet", CancellationToken.None));

        Assert.Contains("bucket=0003", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_order_index_reads_back_as_written()
    {
        List<OrderIndexEntry> entries = [new("o1", 3), new("o1", 40), new("o2", 0)];
        using var stream = new MemoryStream();

        await OrderIndexFile.WriteAsync(entries, stream, CancellationToken.None);
        stream.Position = 0;

        Assert.Equal(entries, await OrderIndexFile.ReadAsync(stream, "index.parquet", CancellationToken.None));
    }
}
