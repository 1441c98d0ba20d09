using Parquet;
using Parquet.Schema;

namespace Segments.Storage.State;

/// <summary>
/// One file of the order-id index as Parquet: <c>order_id, bucket, lines</c> (the lines of the order that bucket
/// holds: what a merge drops there when a newer batch replaces the order). A file without <c>lines</c> (format 1)
/// still reads as locations (<see cref="ReadAsync"/>), never as counts.
/// </summary>
public static class OrderIndexFile
{
    private static readonly DataField<string> OrderId = new("order_id");
    private static readonly DataField<int> Bucket = new("bucket");
    private static readonly DataField<int> Lines = new("lines");
    private static readonly ParquetSchema LocationSchema = new(OrderId, Bucket);
    private static readonly ParquetSchema Schema = new(OrderId, Bucket, Lines);

    /// <summary>Writes <paramref name="rows"/> as one row group.</summary>
    public static async Task WriteAsync(IReadOnlyCollection<IndexedOrder> rows, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var writer = await ParquetWriter.CreateAsync(Schema, stream, null, append: false, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(OrderId, rows.Select(r => r.Entry.OrderId).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<int>(Bucket, rows.Select(r => r.Entry.Bucket).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<int>(Lines, rows.Select(r => r.Lines).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes locations only (<c>order_id, bucket</c>, as format 1 did), as one row group.</summary>
    public static async Task WriteAsync(IReadOnlyCollection<OrderIndexEntry> entries, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var writer = await ParquetWriter.CreateAsync(LocationSchema, stream, null, append: false, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(OrderId, entries.Select(e => e.OrderId).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<int>(Bucket, entries.Select(e => e.Bucket).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads every entry's location back; <paramref name="name"/> names the file in errors.</summary>
    public static async Task<List<OrderIndexEntry>> ReadAsync(Stream stream, string name, CancellationToken cancellationToken) =>
        (await ReadRowsAsync(stream, name, withLines: false, cancellationToken).ConfigureAwait(false)).ConvertAll(r => r.Entry);

    /// <summary>Reads every row back with its line count; a file without counts is refused, naming it.</summary>
    public static Task<List<IndexedOrder>> ReadCountedAsync(Stream stream, string name, CancellationToken cancellationToken) =>
        ReadRowsAsync(stream, name, withLines: true, cancellationToken);

    private static async Task<List<IndexedOrder>> ReadRowsAsync(Stream stream, string name, bool withLines, CancellationToken cancellationToken)
    {
        var rows = new List<IndexedOrder>();
        var reader = await StateParquet.OpenAsync(stream, name, options: null, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);

        await using (reader.ConfigureAwait(false))
        {
            if (withLines && !reader.Schema.DataFields.Any(f => f.Name == Lines.Name))
            {
                throw new InvalidDataException($"state file {name} has no line counts (an index of format 1): rebuild the state");
            }

            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = checked((int)group.RowCount);
                var orders = new string?[count];
                var buckets = new int[count];
                var lines = new int[count];
                await group.ReadAsync(OrderId, orders.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.ReadAsync<int>(Bucket, buckets.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
                if (withLines)
                {
                    await group.ReadAsync<int>(Lines, lines.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                for (var i = 0; i < count; i++)
                {
                    var entry = new OrderIndexEntry(orders[i] ?? throw new InvalidDataException($"state file {name} has an entry without order_id"), buckets[i]);
                    rows.Add(new IndexedOrder(entry, lines[i]));
                }
            }
        }

        return rows;
    }
}
