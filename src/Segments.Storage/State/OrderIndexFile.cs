using Parquet;
using Parquet.Schema;

namespace Segments.Storage.State;

/// <summary>One partition of the order-id index as Parquet: <c>order_id, bucket</c>.</summary>
public static class OrderIndexFile
{
    private static readonly DataField<string> OrderId = new("order_id");
    private static readonly DataField<int> Bucket = new("bucket");
    private static readonly ParquetSchema Schema = new(OrderId, Bucket);

    /// <summary>Writes <paramref name="entries"/> as one row group.</summary>
    public static async Task WriteAsync(IReadOnlyCollection<OrderIndexEntry> entries, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var writer = await ParquetWriter.CreateAsync(Schema, stream, null, append: false, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(OrderId, entries.Select(e => e.OrderId).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<int>(Bucket, entries.Select(e => e.Bucket).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads every entry back; <paramref name="name"/> names the file in errors.</summary>
    public static async Task<List<OrderIndexEntry>> ReadAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        var entries = new List<OrderIndexEntry>();
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException)
        {
            throw new InvalidDataException($"state file {name} is not a readable Parquet file: {ex.Message}", ex);
        }

        await using (reader.ConfigureAwait(false))
        {
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = checked((int)group.RowCount);
                var orders = new string?[count];
                var buckets = new int[count];
                await group.ReadAsync(OrderId, orders.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.ReadAsync<int>(Bucket, buckets.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < count; i++)
                {
                    entries.Add(new OrderIndexEntry(orders[i] ?? throw new InvalidDataException($"state file {name} has an entry without order_id"), buckets[i]));
                }
            }
        }

        return entries;
    }
}
