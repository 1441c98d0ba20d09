using System.Text;
using System.Text.Json;

namespace Segments.Core.Events;

/// <summary>
/// Captures the fields of one Segment message straight from its UTF-8 bytes with a <see cref="Utf8JsonReader"/>:
/// no string for the line, no DOM; members it does not need are skipped. The whole line is read, so invalid JSON
/// anywhere in it is reported with the reader's message exactly as <see cref="JsonDocument"/> would report it.
/// </summary>
internal static class SegmentMessageScanner
{
    [ThreadStatic]
    private static SegmentMessageFields? t_fields;

    /// <summary>
    /// The message's fields; null with <paramref name="jsonError"/> for invalid JSON, or with <paramref name="notObject"/>
    /// for valid JSON that is not an object. A timestamp in the common layout and not after
    /// <paramref name="latestUtcTicks"/> is read from its bytes into <see cref="SegmentMessageFields.PlainTimestamp"/>.
    /// </summary>
    public static SegmentMessageFields? Scan(ReadOnlySpan<byte> line, long latestUtcTicks, out string? jsonError, out bool notObject)
    {
        jsonError = null;
        notObject = false;
        var reader = new Utf8JsonReader(line);
        try
        {
            if (!reader.Read())
            {
                // Whitespace-only lines never get here; a reader that finds no token says why, as JsonDocument does.
                reader.Skip();
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                ReadToEnd(ref reader);
                notObject = true;
                return null;
            }

            // One capture object per thread, reset for each line: its contents are read before the next line is scanned.
            var fields = t_fields ??= new SegmentMessageFields();
            fields.Reset();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    fields.Type = Value(ref reader, line, intern: true);
                }
                else if (reader.ValueTextEquals("event"u8))
                {
                    fields.Event = Value(ref reader, line, intern: true);
                }
                else if (reader.ValueTextEquals("userId"u8))
                {
                    fields.UserId = Value(ref reader, line);
                }
                else if (reader.ValueTextEquals("anonymousId"u8))
                {
                    fields.AnonymousId = Value(ref reader, line);
                }
                else if (reader.ValueTextEquals("messageId"u8))
                {
                    fields.MessageId = Value(ref reader, line);
                }
                else if (reader.ValueTextEquals("timestamp"u8))
                {
                    Timestamp(ref reader, line, latestUtcTicks, fields);
                }
                else if (reader.ValueTextEquals("properties"u8))
                {
                    Properties(ref reader, line, fields);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            ReadToEnd(ref reader);
            return fields;
        }
        catch (JsonException ex)
        {
            jsonError = ex.Message;
            return null;
        }
    }

    /// <summary><c>timestamp</c>: from its bytes when plain and certainly valid, else as text for the parser's rules and errors.</summary>
    private static void Timestamp(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, long latestUtcTicks, SegmentMessageFields fields)
    {
        // A repeated member replaces the earlier one, as for every field.
        fields.PlainTimestamp = null;
        fields.Timestamp = default;
        var probe = reader;
        probe.Read();
        if (probe.TokenType == JsonTokenType.String && !probe.ValueIsEscaped
            && Utf8IsoTimestamp.TryParseUtcTicks(probe.ValueSpan, out var ticks) && ticks <= latestUtcTicks)
        {
            reader = probe;
            fields.PlainTimestamp = new DateTimeOffset(ticks, TimeSpan.Zero);
            return;
        }

        fields.Timestamp = Value(ref reader, line);
    }

    /// <summary><c>properties</c>: the product, order and total fields, <c>products[]</c>, and every scalar member as text.</summary>
    private static void Properties(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, SegmentMessageFields fields)
    {
        // A repeated "properties" member replaces the earlier one, as a DOM lookup finds the last.
        fields.Product = default;
        fields.Products = null;
        fields.Total = fields.Revenue = fields.Value = fields.OrderId = default;
        fields.Scalars = null;
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = KnownName(ref reader) ?? reader.GetString()!;
            JsonScalar value;
            if (name == "products")
            {
                fields.Products = Products(ref reader, line, out value);
            }
            else
            {
                value = Value(ref reader, line);
            }

            switch (name)
            {
                case "product_id":
                    fields.Product = fields.Product with { Id = value };
                    break;
                case "price":
                    fields.Product = fields.Product with { Price = value };
                    break;
                case "quantity":
                    fields.Product = fields.Product with { Quantity = value };
                    break;
                case "total":
                    fields.Total = value;
                    break;
                case "revenue":
                    fields.Revenue = value;
                    break;
                case "value":
                    fields.Value = value;
                    break;
                case "order_id":
                    fields.OrderId = value;
                    break;
            }

            if (value.Kind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False && value.RawText.Length > 0)
            {
                (fields.Scalars ??= new EventProperties()).Set(name, value.RawText);
            }
        }
    }

    /// <summary><c>products[]</c>: each object's <c>product_id</c>, <c>quantity</c>, <c>price</c>; null (and the value in <paramref name="other"/>) when it is not an array.</summary>
    private static List<ProductItem>? Products(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, out JsonScalar other)
    {
        // The reader is a struct: a copy looks ahead without moving the original.
        var probe = reader;
        probe.Read();
        if (probe.TokenType != JsonTokenType.StartArray)
        {
            other = Value(ref reader, line);
            return null;
        }

        other = new JsonScalar(JsonValueKind.Array, string.Empty);
        reader.Read();

        var items = new List<ProductItem>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                items.Add(default);
                continue;
            }

            var item = default(ProductItem);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("product_id"u8))
                {
                    item = item with { Id = Value(ref reader, line) };
                }
                else if (reader.ValueTextEquals("quantity"u8))
                {
                    item = item with { Quantity = Value(ref reader, line) };
                }
                else if (reader.ValueTextEquals("price"u8))
                {
                    item = item with { Price = Value(ref reader, line) };
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            items.Add(item);
        }

        return items;
    }

    /// <summary>The property names most messages repeat, as one string each instead of one per message.</summary>
    private static readonly string[] KnownNames = ["product_id", "price", "quantity", "name", "currency", "total", "revenue", "value", "order_id", "category", "url", "path", "title", "sku", "coupon", "brand", "variant"];

    private static readonly byte[][] KnownNameBytes = [.. KnownNames.Select(Encoding.UTF8.GetBytes)];

    /// <summary>The call types and e-commerce event names, likewise.</summary>
    private static readonly string[] KnownValues = ["track", "page", "identify", "screen", "Product Viewed", "Product Added", "Checkout Started", "Order Completed", "Home"];

    private static readonly byte[][] KnownValueBytes = [.. KnownValues.Select(Encoding.UTF8.GetBytes)];

    private static string? KnownName(ref Utf8JsonReader reader) => Known(ref reader, KnownNames, KnownNameBytes);

    private static string? Known(ref Utf8JsonReader reader, string[] texts, byte[][] bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (reader.ValueTextEquals(bytes[i]))
            {
                return texts[i];
            }
        }

        return null;
    }

    /// <summary>Reads the value after a property name: a scalar's text, or a container's raw JSON (skipped over).</summary>
    private static JsonScalar Value(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, bool intern = false)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new JsonScalar(JsonValueKind.String, (intern ? Known(ref reader, KnownValues, KnownValueBytes) : null) ?? reader.GetString()!);
            case JsonTokenType.Number:
                return new JsonScalar(JsonValueKind.Number, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new JsonScalar(JsonValueKind.True, "true");
            case JsonTokenType.False:
                return new JsonScalar(JsonValueKind.False, "false");
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var kind = reader.TokenType == JsonTokenType.StartObject ? JsonValueKind.Object : JsonValueKind.Array;
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return new JsonScalar(kind, Encoding.UTF8.GetString(line[start..(int)reader.BytesConsumed]));
            default:
                return default;
        }
    }

    /// <summary>Anything after the object but whitespace is invalid JSON, as for a DOM parse.</summary>
    private static void ReadToEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }
    }
}
