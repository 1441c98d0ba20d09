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
    public static bool TryRead(JsonElement array, string column, string idField, out ProductLines lines, out string wrongColumn, out string wrongValue)
    {
        var ids = new List<string>();
        var quantity = 0;
        decimal? value = null;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (!TryLine(item, idField, out var id, out var units, out var amount, out var wrongField))
            {
                lines = None;
                wrongColumn = $"{column}[{index}].{wrongField}";
                wrongValue = JsonFields.Raw(JsonFields.Property(item, wrongField));
                return false;
            }

            if (id is not null)
            {
                ids.Add(id);
            }

            quantity += units;
            value = amount is null ? value : (value ?? 0) + amount;
            index++;
        }

        lines = new ProductLines(ids, quantity, value);
        wrongColumn = wrongValue = string.Empty;
        return true;
    }

    /// <summary>One product object: its id, units (default 1) and price × units (null without a price).</summary>
    public static bool TryLine(JsonElement item, string idField, out string? id, out int units, out decimal? amount, out string wrongField)
    {
        id = JsonFields.Text(JsonFields.Property(item, idField));
        units = 1;
        amount = null;
        wrongField = string.Empty;
        if (!JsonFields.TryDecimal(JsonFields.Property(item, "quantity"), out var quantity) || quantity is < 0 or > int.MaxValue)
        {
            wrongField = "quantity";
            return false;
        }

        if (!JsonFields.TryDecimal(JsonFields.Property(item, "price"), out var price))
        {
            wrongField = "price";
            return false;
        }

        units = quantity is null ? 1 : (int)quantity.Value;
        amount = price * units;
        return true;
    }
}
