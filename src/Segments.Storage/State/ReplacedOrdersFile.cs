using Parquet;
using Parquet.Schema;

namespace Segments.Storage.State;

/// <summary>
/// The order ids one merge replaced in a customer bucket's older files, as Parquet (<c>order_id</c>): the delta's
/// tombstones. The bucket's lines of these orders in files older than the delta are no longer the state's.
/// </summary>
public static class ReplacedOrdersFile
{
    private static readonly DataField<string> OrderId = new("order_id");
    private static readonly ParquetSchema Schema = new(OrderId);

    /// <summary>Writes <paramref name="orderIds"/> as one row group, sorted.</summary>
    public static async Task WriteAsync(IReadOnlyCollection<string> orderIds, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderIds);
        var writer = await ParquetWriter.CreateAsync(Schema, stream, null, append: false, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(OrderId, orderIds.Order(StringComparer.Ordinal).ToArray()).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the order ids back; <paramref name="name"/> names the file in errors.</summary>
    public static async Task<HashSet<string>> ReadAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        var orderIds = new HashSet<string>(StringComparer.Ordinal);
        var reader = await StateParquet.OpenAsync(stream, name, options: null, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);

        await using (reader.ConfigureAwait(false))
        {
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var orders = new string?[checked((int)group.RowCount)];
                await group.ReadAsync(OrderId, orders.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
                foreach (var order in orders)
                {
                    orderIds.Add(order ?? throw new InvalidDataException($"state file {name} has a row without order_id"));
                }
            }
        }

        return orderIds;
    }
}
