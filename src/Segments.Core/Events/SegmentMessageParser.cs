using System.Text.Json;
using Segments.Core.Transactions;

namespace Segments.Core.Events;

/// <summary>
/// Reads one Segment spec message (segment.com/docs/connections/spec/common): <c>type</c>, <c>event</c>,
/// <c>userId</c>, <c>anonymousId</c>, <c>messageId</c>, <c>timestamp</c> and the e-commerce v2 <c>properties</c>.
/// RudderStack writes the same layout to object storage.
/// </summary>
internal static class SegmentMessageParser
{
    public static EventParseOutcome Parse(JsonElement message, CustomerIdPolicy customers, EventReadOptions options)
    {
        var typeElement = JsonFields.Property(message, "type");
        var type = JsonFields.Text(typeElement)?.ToLowerInvariant();
        if (type is null)
        {
            return EventParseOutcome.Wrong("type", JsonFields.Raw(typeElement), "is missing: a Segment message needs a type (track, identify, page, screen)");
        }

        var timestampElement = JsonFields.Property(message, "timestamp");
        if (JsonFields.Text(timestampElement) is not { } timestampText)
        {
            return EventParseOutcome.Wrong("timestamp", JsonFields.Raw(timestampElement), "is missing");
        }

        if (!EventTimestamps.TryParseIso(timestampText, out var timestamp, out var timestampReason))
        {
            return EventParseOutcome.Wrong("timestamp", timestampText, timestampReason);
        }

        if (EventTimestamps.TooFarAhead(timestamp, options) is { } ahead)
        {
            return EventParseOutcome.Wrong("timestamp", timestampText, ahead);
        }

        var userId = JsonFields.Text(JsonFields.Property(message, "userId")) is { } rawUser ? customers.Normalize(rawUser) : null;
        var anonymousId = JsonFields.Text(JsonFields.Property(message, "anonymousId"))?.Trim();
        if (string.IsNullOrEmpty(userId) && string.IsNullOrEmpty(anonymousId))
        {
            return EventParseOutcome.Wrong("userId", string.Empty, "is missing and so is anonymousId: a message needs one of them");
        }

        string name;
        EventKind kind;
        switch (type)
        {
            case "track":
                var eventElement = JsonFields.Property(message, "event");
                if (JsonFields.Text(eventElement) is not { } eventName || string.IsNullOrWhiteSpace(eventName))
                {
                    return EventParseOutcome.Wrong("event", JsonFields.Raw(eventElement), "is missing: a track call needs an event name");
                }

                name = eventName;
                kind = EventKindNames.ForSegmentTrack(eventName);
                break;
            case "page" or "screen":
                name = type;
                kind = EventKind.PageViewed;
                break;
            case "identify":
                name = type;
                kind = EventKind.Identify;
                break;
            case "group" or "alias":
                name = type;
                kind = EventKind.Other;
                break;
            default:
                return EventParseOutcome.Wrong("type", type, "is not a Segment call type (track, identify, page, screen, group, alias)");
        }

        var properties = JsonFields.Property(message, "properties") ?? default;
        if (!TryProducts(properties, kind, out var products, out var wrongColumn, out var wrongValue))
        {
            return EventParseOutcome.Wrong(wrongColumn, wrongValue, "is not a number");
        }

        var value = products.Value;
        if (kind is EventKind.OrderCompleted or EventKind.CheckoutStarted)
        {
            // The spec's order total: `total`, else `revenue`, else `value`, else the products' sum.
            foreach (var field in (string[])["total", "revenue", "value"])
            {
                var element = JsonFields.Property(properties, field);
                if (!JsonFields.TryDecimal(element, out var amount))
                {
                    return EventParseOutcome.Wrong("properties." + field, JsonFields.Raw(element), "is not a number");
                }

                if (amount is not null)
                {
                    value = amount;
                    break;
                }
            }
        }

        return EventParseOutcome.Read(new BehaviourEvent(
            JsonFields.Text(JsonFields.Property(message, "messageId")),
            string.IsNullOrEmpty(userId) ? null : userId,
            string.IsNullOrEmpty(anonymousId) ? null : anonymousId,
            kind,
            timestamp,
            products.Ids,
            value,
            products.Quantity,
            JsonFields.Text(JsonFields.Property(properties, "order_id")),
            name,
            SourceDay: null)
        {
            Properties = JsonFields.Scalars(properties),
        });
    }

    /// <summary><c>properties.products[]</c> when given, else the single product of <c>properties.product_id</c>/<c>price</c>/<c>quantity</c>.</summary>
    private static bool TryProducts(JsonElement properties, EventKind kind, out ProductLines products, out string wrongColumn, out string wrongValue)
    {
        wrongColumn = wrongValue = string.Empty;
        if (JsonFields.Property(properties, "products") is { ValueKind: JsonValueKind.Array } array)
        {
            return ProductLines.TryRead(array, "properties.products", "product_id", out products, out wrongColumn, out wrongValue);
        }

        products = ProductLines.None;
        var single = JsonFields.Property(properties, "product_id");
        if (single is null && kind is not (EventKind.ProductViewed or EventKind.ProductAdded))
        {
            return true;
        }

        if (!ProductLines.TryLine(properties, "product_id", out var id, out var units, out var amount, out var wrongField))
        {
            wrongColumn = "properties." + wrongField;
            wrongValue = JsonFields.Raw(JsonFields.Property(properties, wrongField));
            return false;
        }

        products = new ProductLines(id is null ? [] : [id], units, amount);
        return true;
    }
}
