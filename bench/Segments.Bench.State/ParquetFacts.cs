using Parquet;
using Parquet.Schema;

/// <summary>The order facts as one Parquet row group (Parquet.Net's column API, the fast path).</summary>
internal static class ParquetFacts
{
    private static readonly DataField<string> CustomerId = new("customer_id");
    private static readonly DataField<string> OrderId = new("order_id");
    private static readonly DataField<DateOnly> OrderDate = new("order_date");
    private static readonly DataField<string> Amount = new("amount");
    private static readonly DataField<string> Country = new("country");
    private static readonly DataField<bool> Cancelled = new("cancelled");
    private static readonly DataField<string> Product = new("product");
    private static readonly DataField<int> Sequence = new("batch_sequence");
    private static readonly ParquetSchema Schema = new(CustomerId, OrderId, OrderDate, Amount, Country, Cancelled, Product, Sequence);
    private static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true };

    public static async Task WriteAsync(OrderFacts facts, Stream stream)
    {
        await using var writer = await ParquetWriter.CreateAsync(Schema, stream, Options);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(CustomerId, facts.CustomerId);
        await group.WriteAsync(OrderId, facts.OrderId);
        await group.WriteAsync<DateOnly>(OrderDate, facts.OrderDay);
        await group.WriteAsync(Amount, facts.Amount);
        await group.WriteAsync(Country, facts.Country);
        await group.WriteAsync<bool>(Cancelled, facts.Cancelled);
        await group.WriteAsync(Product, facts.Product);
        await group.WriteAsync<int>(Sequence, facts.Sequence);
    }

    public static async Task<OrderFacts> ReadAsync(Stream stream)
    {
        await using var reader = await ParquetReader.CreateAsync(stream, Options);
        using var group = reader.OpenRowGroupReader(0);
        var rows = (int)group.RowCount;
        var facts = new OrderFacts(new string[rows], new string[rows], new DateOnly[rows], new string[rows], new string[rows], new bool[rows], new string[rows], new int[rows]);
        await group.ReadAsync(CustomerId, ((string?[])facts.CustomerId).AsMemory());
        await group.ReadAsync(OrderId, ((string?[])facts.OrderId).AsMemory());
        await group.ReadAsync<DateOnly>(OrderDate, facts.OrderDay.AsMemory());
        await group.ReadAsync(Amount, ((string?[])facts.Amount).AsMemory());
        await group.ReadAsync(Country, ((string?[])facts.Country).AsMemory());
        await group.ReadAsync<bool>(Cancelled, facts.Cancelled.AsMemory());
        await group.ReadAsync(Product, ((string?[])facts.Product).AsMemory());
        await group.ReadAsync<int>(Sequence, facts.Sequence.AsMemory());
        return facts;
    }
}
