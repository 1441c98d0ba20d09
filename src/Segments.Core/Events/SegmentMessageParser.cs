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
    public static EventParseOutcome Parse(JsonElement message, CustomerIdPolicy customers, EventReadOptions options) =>
        Parse(SegmentMessageFields.FromElement(message), customers, options);

    public static EventParseOutcome Parse(SegmentMessageFields message, CustomerIdPolicy customers, EventReadOptions options)
    {
        // The usual lower-case types skip the copy ToLowerInvariant makes.
        var type = message.Type.Text is { } text ? text is "track" or "page" or "identify" or "screen" ? text : text.ToLowerInvariant() : null;
        if (type is null)
        {
            return EventParseOutcome.Wrong("type", message.Type.Raw, "is missing: a Segment message needs a type (track, identify, page, screen)");
        }

        if (message.PlainTimestamp is not { } timestamp && !TryTimestamp(message.Timestamp, options, out timestamp, out var wrong))
        {
            return wrong;
        }

        var userId = message.UserId.Text is { } rawUser ? customers.Normalize(rawUser) : null;
        var anonymousId = message.AnonymousId.Text?.Trim();
        if (string.IsNullOrEmpty(userId) && string.IsNullOrEmpty(anonymousId))
        {
            return EventParseOutcome.Wrong("userId", string.Empty, "is missing and so is anonymousId: a message needs one of them");
        }

        string name;
        EventKind kind;
        switch (type)
        {
            case "track":
                if (message.Event.Text is not { } eventName || string.IsNullOrWhiteSpace(eventName))
                {
                    return EventParseOutcome.Wrong("event", message.Event.Raw, "is missing: a track call needs an event name");
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

        if (!TryProducts(message, kind, out var products, out var wrongColumn, out var wrongValue))
        {
            return EventParseOutcome.Wrong(wrongColumn, wrongValue, "is not a number");
        }

        var value = products.Value;
        if (kind is EventKind.OrderCompleted or EventKind.CheckoutStarted)
        {
            // The spec's order total: `total`, else `revenue`, else `value`, else the products' sum.
            foreach (var (field, element) in (ReadOnlySpan<(string, JsonScalar)>)[("total", message.Total), ("revenue", message.Revenue), ("value", message.Value)])
            {
                if (!element.TryDecimal(out var amount))
                {
                    return EventParseOutcome.Wrong("properties." + field, element.Raw, "is not a number");
                }

                if (amount is not null)
                {
                    value = amount;
                    break;
                }
            }
        }

        return EventParseOutcome.Read(new BehaviourEvent(
            message.MessageId.Text,
            string.IsNullOrEmpty(userId) ? null : userId,
            string.IsNullOrEmpty(anonymousId) ? null : anonymousId,
            kind,
            timestamp,
            products.Ids,
            value,
            products.Quantity,
            message.OrderId.Text,
            name,
            SourceDay: null)
        {
            Properties = message.Scalars,
        });
    }

    /// <summary>The timestamp's rules on its text: present, ISO 8601 with an offset, not too far ahead.</summary>
    private static bool TryTimestamp(JsonScalar value, EventReadOptions options, out DateTimeOffset timestamp, out EventParseOutcome wrong)
    {
        wrong = default;
        timestamp = default;
        if (value.Text is not { } text)
        {
            wrong = EventParseOutcome.Wrong("timestamp", value.Raw, "is missing");
            return false;
        }

        if (!EventTimestamps.TryParseIso(text, out timestamp, out var reason))
        {
            wrong = EventParseOutcome.Wrong("timestamp", text, reason);
            return false;
        }

        if (EventTimestamps.TooFarAhead(timestamp, options) is { } ahead)
        {
            wrong = EventParseOutcome.Wrong("timestamp", text, ahead);
            return false;
        }

        return true;
    }

    /// <summary><c>properties.products[]</c> when given, else the single product of <c>properties.product_id</c>/<c>price</c>/<c>quantity</c>.</summary>
    private static bool TryProducts(SegmentMessageFields message, EventKind kind, out ProductLines products, out string wrongColumn, out string wrongValue)
    {
        wrongColumn = wrongValue = string.Empty;
        if (message.Products is { } items)
        {
            return ProductLines.TryRead(items, "properties.products", out products, out wrongColumn, out wrongValue);
        }

        products = ProductLines.None;
        if (!message.HasProductId && kind is not (EventKind.ProductViewed or EventKind.ProductAdded))
        {
            return true;
        }

        if (!ProductLines.TryLine(message.Product, out var id, out var units, out var amount, out var wrongField, out wrongValue))
        {
            wrongColumn = "properties." + wrongField;
            return false;
        }

        products = new ProductLines(id is null ? [] : [id], units, amount);
        return true;
    }
}
