using System.Text.Json;

namespace Segments.Core.Events;

/// <summary>
/// The fields of one Segment message that <see cref="SegmentMessageParser"/> reads, captured either from a DOM
/// element (<see cref="FromElement"/>, the sequential reference path) or straight from UTF-8 bytes
/// (<see cref="SegmentMessageScanner"/>, the fast path), so that both paths share one set of rules.
/// </summary>
internal sealed class SegmentMessageFields
{
    public JsonScalar Type { get; set; }

    public JsonScalar Event { get; set; }

    public JsonScalar UserId { get; set; }

    public JsonScalar AnonymousId { get; set; }

    public JsonScalar MessageId { get; set; }

    public JsonScalar Timestamp { get; set; }

    /// <summary>
    /// The timestamp when the byte path read it from its bytes (the common layout, not too far ahead), in which case
    /// <see cref="Timestamp"/> is left empty: no string is made for a value that can no longer be wrong.
    /// </summary>
    public DateTimeOffset? PlainTimestamp { get; set; }

    /// <summary><c>properties.product_id</c>, <c>price</c>, <c>quantity</c> (the single-product form).</summary>
    public ProductItem Product { get; set; }

    /// <summary>Whether <c>properties.product_id</c> is present.</summary>
    public bool HasProductId => Product.Id.IsPresent;

    /// <summary><c>properties.products[]</c> when it is an array; null otherwise.</summary>
    public List<ProductItem>? Products { get; set; }

    public JsonScalar Total { get; set; }

    public JsonScalar Revenue { get; set; }

    public JsonScalar Value { get; set; }

    public JsonScalar OrderId { get; set; }

    /// <summary>The string, number and boolean members of <c>properties</c> as text.</summary>
    public EventProperties? Scalars { get; set; }

    /// <summary>Clears every field, for the next message.</summary>
    public void Reset()
    {
        Type = Event = UserId = AnonymousId = MessageId = Timestamp = default;
        PlainTimestamp = null;
        Product = default;
        Products = null;
        Total = Revenue = Value = OrderId = default;
        Scalars = null;
    }

    /// <summary>Captures the fields of a message read into a DOM.</summary>
    public static SegmentMessageFields FromElement(JsonElement message)
    {
        var properties = JsonFields.Property(message, "properties") ?? default;
        var fields = new SegmentMessageFields
        {
            Type = JsonScalar.From(JsonFields.Property(message, "type")),
            Event = JsonScalar.From(JsonFields.Property(message, "event")),
            UserId = JsonScalar.From(JsonFields.Property(message, "userId")),
            AnonymousId = JsonScalar.From(JsonFields.Property(message, "anonymousId")),
            MessageId = JsonScalar.From(JsonFields.Property(message, "messageId")),
            Timestamp = JsonScalar.From(JsonFields.Property(message, "timestamp")),
            Product = Item(properties, "product_id"),
            Total = JsonScalar.From(JsonFields.Property(properties, "total")),
            Revenue = JsonScalar.From(JsonFields.Property(properties, "revenue")),
            Value = JsonScalar.From(JsonFields.Property(properties, "value")),
            OrderId = JsonScalar.From(JsonFields.Property(properties, "order_id")),
            Scalars = JsonFields.Scalars(properties),
        };
        if (JsonFields.Property(properties, "products") is { ValueKind: JsonValueKind.Array } array)
        {
            fields.Products = array.EnumerateArray().Select(item => Item(item, "product_id")).ToList();
        }

        return fields;
    }

    private static ProductItem Item(JsonElement item, string idField) => new(
        JsonScalar.From(JsonFields.Property(item, idField)),
        JsonScalar.From(JsonFields.Property(item, "quantity")),
        JsonScalar.From(JsonFields.Property(item, "price")));
}
