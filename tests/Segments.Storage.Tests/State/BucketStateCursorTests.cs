using Segments.Core.Transactions;
using Segments.Storage.State;

namespace Segments.Storage.Tests.State;

public sealed class BucketStateCursorTests
{
    [Fact]
    public async Task Deltas_come_newest_first_then_the_base_and_a_replaced_order_is_skipped_only_in_older_files()
    {
        // Base (batch 0): o1 and o2. Delta of batch 1: o2 again (its new version) and o3, replacing o2. Delta of
        // batch 2: o1 moved to another customer's bucket, so only listed as replaced here.
        var baseFile = await OpenAsync(Line(0, 0, "o1", 10), Line(0, 1, "o2", 20), Line(0, 2, "o2", 21));
        var first = await OpenAsync(Line(1, 0, "o2", 25), Line(1, 1, "o3", 30));
        var cursor = new BucketStateCursor(
        [
            (null, new HashSet<string>(["o1"])),
            (first, new HashSet<string>(["o2"])),
            (baseFile, new HashSet<string>()),
        ]);

        var walked = new List<string>();
        await using (cursor)
        {
            while (await cursor.MoveNextAsync(CancellationToken.None))
            {
                walked.Add($"{cursor.Current.BatchSequence}:{cursor.Current.Line.OrderId}:{cursor.Current.Line.Amount}");
            }
        }

        Assert.Equal(["1:o2:25", "1:o3:30"], walked);
        Assert.Equal(3, cursor.Skipped);
    }

    [Fact]
    public async Task Index_rows_read_back_with_their_line_counts_and_a_file_without_counts_is_refused_naming_it()
    {
        List<IndexedOrder> rows = [new(new OrderIndexEntry("o1", 3), 2), new(new OrderIndexEntry("o1", 40), 1), new(new OrderIndexEntry("o2", 0), 7)];
        using var counted = new MemoryStream();
        await OrderIndexFile.WriteAsync(rows, counted, CancellationToken.None);
        counted.Position = 0;
        using var locations = new MemoryStream();
        await OrderIndexFile.WriteAsync(rows.ConvertAll(r => r.Entry), locations, CancellationToken.None);
        locations.Position = 0;

        Assert.Equal(rows, await OrderIndexFile.ReadCountedAsync(counted, "index.parquet", CancellationToken.None));
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => OrderIndexFile.ReadCountedAsync(locations, "v1/order-index/part=0003/index-x.parquet", CancellationToken.None));
        Assert.Contains("part=0003", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replaced_order_ids_read_back_as_written()
    {
        using var stream = new MemoryStream();

        await ReplacedOrdersFile.WriteAsync(["o9", "o1", "o10"], stream, CancellationToken.None);
        stream.Position = 0;

        Assert.Equal(["o1", "o10", "o9"], (await ReplacedOrdersFile.ReadAsync(stream, "replaced.parquet", CancellationToken.None)).Order(StringComparer.Ordinal));
    }

    private static StateLine Line(int batch, int number, string order, decimal amount) =>
        new(batch, number, new TransactionLine("C1", order, new DateOnly(2024, 3, 1), amount, string.Empty, false));

    private static async Task<BucketLinesCursor> OpenAsync(params StateLine[] lines)
    {
        var stream = new MemoryStream();
        await BucketLinesFile.WriteAsync(lines, stream, CancellationToken.None);
        stream.Position = 0;
        return await BucketLinesCursor.OpenAsync(stream, "bucket.parquet", CancellationToken.None);
    }
}
