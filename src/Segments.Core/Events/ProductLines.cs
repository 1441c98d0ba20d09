using System.Text.Json;

namespace Segments.Core.Events;

/// <summary>The products an event concerns: ids, units and their summed price × quantity.</summary>
internal readonly record struct ProductLines(IReadOnlyList<string> Ids, int Quantity, decimal? Value)
{
    public static readonly ProductLines None = new([], 0, null);

    /// <summary>
    /// Reads an array of product objects (Segment <c>products[]</c>, GA4 <c>items[]</c>) with the given field names;
    /// a quantity defaults to 1; a price or quantity that is not a number is an error naming the field.
    /// </summary>
    public static bool TryRead(JsonElement array, string column, string idField, out ProductLines lines, out string wrongColumn, out string wrongValue) =>
        TryRead(
            array.EnumerateArray().Select(item => new ProductItem(
                JsonScalar.From(JsonFields.Property(item, idField)),
                JsonScalar.From(JsonFields.Property(item, "quantity")),
                JsonScalar.From(JsonFields.Property(item, "price")))).ToList(),
            column,
            out lines,
            out wrongColumn,
            out wrongValue);

    /// <summary>The same over product objects already captured.</summary>
    public static bool TryRead(IReadOnlyList<ProductItem> items, string column, out ProductLines lines, out string wrongColumn, out string wrongValue)
    {
        var ids = new List<string>(items.Count);
        var quantity = 0;
        decimal? value = null;
        for (var index = 0; index < items.Count; index++)
        {
            if (!TryLine(items[index], out var id, out var units, out var amount, out var wrongField, out var wrong))
            {
                lines = None;
                wrongColumn = $"{column}[{index}].{wrongField}";
                wrongValue = wrong;
                return false;
            }

            if (id is not null)
            {
                ids.Add(id);
            }

            quantity += units;
            value = amount is null ? value : (value ?? 0) + amount;
        }

        lines = new ProductLines(ids, quantity, value);
        wrongColumn = wrongValue = string.Empty;
        return true;
    }

    /// <summary>One product: its id, units (default 1) and price × units (null without a price); else the wrong field and its raw value.</summary>
    public static bool TryLine(ProductItem item, out string? id, out int units, out decimal? amount, out string wrongField, out string wrongValue)
    {
        id = item.Id.Text;
        units = 1;
        amount = null;
        wrongField = wrongValue = string.Empty;
        if (!item.Quantity.TryDecimal(out var quantity) || quantity is < 0 or > int.MaxValue)
        {
            wrongField = "quantity";
            wrongValue = item.Quantity.Raw;
            return false;
        }

        if (!item.Price.TryDecimal(out var price))
        {
            wrongField = "price";
            wrongValue = item.Price.Raw;
            return false;
        }

        units = quantity is null ? 1 : (int)quantity.Value;
        amount = price * units;
        return true;
    }
}
