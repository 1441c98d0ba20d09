using System.Globalization;
using Parquet;
using Parquet.Schema;
using Segments.Core.Transactions;

namespace Segments.Storage.State;

/// <summary>
/// A customer bucket's lines as Parquet (chosen over an embedded DuckDB file by bench/Segments.Bench.State): the
/// normalised batch columns plus where each line came from. The amount is kept as its exact decimal text, as the
/// normalised copy has it, so that sums and their scale read back the same (an analyst casts it: <c>amount::DECIMAL(18,4)</c>).
/// </summary>
public static class BucketLinesFile
{
    private static readonly DataField<string> CustomerId = new("customer_id");
    private static readonly DataField<string> OrderId = new("order_id");
    private static readonly DataField<DateOnly> OrderDate = new("order_date");
    private static readonly DataField<string> Amount = new("amount");
    private static readonly DataField<string> Country = new("country");
    private static readonly DataField<bool> Cancelled = new("cancelled");
    private static readonly DataField<string> Product = new("product");
    private static readonly DataField<int> BatchSequence = new("batch_sequence");
    private static readonly DataField<int> LineNumber = new("line_number");
    private static readonly ParquetSchema Schema = new(CustomerId, OrderId, OrderDate, Amount, Country, Cancelled, Product, BatchSequence, LineNumber);
    private static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true };

    /// <summary>Lines per row group: a run merging every bucket in read order decodes one row group per bucket at a time.</summary>
    public const int RowGroupLines = 10_000;

    /// <summary>Writes <paramref name="lines"/> in their order.</summary>
    public static async Task WriteAsync(IReadOnlyList<StateLine> lines, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var writer = await CreateWriterAsync(stream, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            var start = 0;
            do
            {
                var count = Math.Min(RowGroupLines, lines.Count - start);
                await WriteRowGroupAsync(writer, Enumerable.Range(start, count).Select(i => lines[i]).ToList(), cancellationToken).ConfigureAwait(false);
                start += count;
            }
            while (start < lines.Count);
        }
    }

    /// <summary>A writer of this schema over <paramref name="stream"/>; each <see cref="WriteRowGroupAsync"/> adds a row group, disposing it writes the footer.</summary>
    public static Task<ParquetWriter> CreateWriterAsync(Stream stream, CancellationToken cancellationToken) =>
        ParquetWriter.CreateAsync(Schema, stream, Options, append: false, cancellationToken);

    /// <summary>Writes <paramref name="lines"/> as one row group (at most <see cref="RowGroupLines"/> of them, by convention).</summary>
    public static async Task WriteRowGroupAsync(ParquetWriter writer, IReadOnlyList<StateLine> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(lines);
        var count = lines.Count;
        var customers = new string[count];
        var orders = new string[count];
        var dates = new DateOnly[count];
        var amounts = new string[count];
        var countries = new string[count];
        var cancelled = new bool[count];
        var products = new string[count];
        var sequences = new int[count];
        var numbers = new int[count];
        for (var i = 0; i < count; i++)
        {
            var state = lines[i];
            var line = state.Line;
            customers[i] = line.CustomerId;
            orders[i] = line.OrderId;
            dates[i] = line.OrderDate;
            amounts[i] = line.Amount.ToString(CultureInfo.InvariantCulture);
            countries[i] = line.Country;
            cancelled[i] = line.IsCancellation;
            products[i] = line.Product;
            sequences[i] = state.BatchSequence;
            numbers[i] = state.LineNumber;
        }

        using var group = writer.CreateRowGroup();
        await group.WriteAsync(CustomerId, customers).ConfigureAwait(false);
        await group.WriteAsync(OrderId, orders).ConfigureAwait(false);
        await group.WriteAsync<DateOnly>(OrderDate, dates, cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(Amount, amounts).ConfigureAwait(false);
        await group.WriteAsync(Country, countries).ConfigureAwait(false);
        await group.WriteAsync<bool>(Cancelled, cancelled, cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(Product, products).ConfigureAwait(false);
        await group.WriteAsync<int>(BatchSequence, sequences, cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<int>(LineNumber, numbers, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads every line back, in the order written; <paramref name="name"/> names the file in errors.</summary>
    public static async Task<List<StateLine>> ReadAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        var lines = new List<StateLine>();
        var reader = await OpenAsync(stream, name, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                lines.AddRange(await ReadRowGroupAsync(reader, g, name, cancellationToken).ConfigureAwait(false));
            }
        }

        return lines;
    }

    /// <summary>Opens a file for reading row group by row group (<see cref="ReadRowGroupAsync"/>).</summary>
    public static Task<ParquetReader> OpenAsync(Stream stream, string name, CancellationToken cancellationToken) =>
        StateParquet.OpenAsync(stream, name, Options, leaveStreamOpen: false, cancellationToken);

    /// <summary>The lines of row group <paramref name="index"/>, in the order written.</summary>
    public static async Task<StateLine[]> ReadRowGroupAsync(ParquetReader reader, int index, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var group = reader.OpenRowGroupReader(index);
        var count = checked((int)group.RowCount);
        var customers = new string?[count];
        var orders = new string?[count];
        var dates = new DateOnly[count];
        var amounts = new string?[count];
        var countries = new string?[count];
        var cancelled = new bool[count];
        var products = new string?[count];
        var sequences = new int[count];
        var numbers = new int[count];
        await group.ReadAsync(CustomerId, customers.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync(OrderId, orders.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync<DateOnly>(OrderDate, dates.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync(Amount, amounts.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync(Country, countries.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync<bool>(Cancelled, cancelled.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync(Product, products.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync<int>(BatchSequence, sequences.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync<int>(LineNumber, numbers.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        var lines = new StateLine[count];
        for (var i = 0; i < count; i++)
        {
            var line = new TransactionLine(
                customers[i] ?? throw Missing(name, "customer_id"),
                orders[i] ?? throw Missing(name, "order_id"),
                dates[i],
                decimal.Parse(amounts[i] ?? throw Missing(name, "amount"), NumberStyles.Float, CultureInfo.InvariantCulture),
                countries[i] ?? string.Empty,
                cancelled[i])
            {
                Product = products[i] ?? string.Empty,
            };
            lines[i] = new StateLine(sequences[i], numbers[i], line);
        }

        return lines;
    }

    private static InvalidDataException Missing(string name, string column) => new($"state file {name} has a line without {column}");
}
