using System.Text;
using System.Text.Json;

namespace Segments.Core.Events;

/// <summary>
/// Decides from a line's UTF-8 bytes, allocating nothing, that a Segment message would be accepted and what kind of
/// event it is: what <c>validate</c> needs to count a file. It reads the whole line with a
/// <see cref="Utf8JsonReader"/> (so invalid JSON anywhere is caught), compares property names and values as UTF-8
/// literals, checks the timestamp on the bytes and the numbers <see cref="SegmentMessageParser"/> would check, and
/// skips everything else. It is conservative: whenever a rule might reject the line, or a value is in a form it does
/// not read itself (escaped text, numbers as strings, repeated members, unusual call types), it answers "not sure"
/// and the caller reads the line on the full path, which decides and words the error. So it can only be wrong by
/// being unsure, never by accepting a line the full path would reject.
/// </summary>
internal static class SegmentMessageCounter
{
    /// <summary>True with the event's kind when the line is certainly accepted; false when the full path must decide.</summary>
    public static bool TryAccept(ReadOnlySpan<byte> line, long latestUtcTicks, out EventKind kind) =>
        PlainSegmentMessageCounter.TryAccept(line, latestUtcTicks, out kind) || TryAcceptWithReader(line, latestUtcTicks, out kind);

    /// <summary>The same decision read with a <see cref="Utf8JsonReader"/>, for the lines the plain walk does not take (escapes, non-ASCII text).</summary>
    internal static bool TryAcceptWithReader(ReadOnlySpan<byte> line, long latestUtcTicks, out EventKind kind)
    {
        kind = EventKind.Other;
        var reader = new Utf8JsonReader(line);
        try
        {
            return TryAccept(ref reader, line, latestUtcTicks, out kind);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryAccept(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, long latestUtcTicks, out EventKind kind)
    {
        kind = EventKind.Other;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        Range type = default, eventName = default, timestamp = default;
        bool hasType = false, hasEvent = false, hasTimestamp = false, identified = false;
        var propertiesSeen = 0;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var field = TopField(reader.ValueSpan);
            if (field != 0)
            {
                // A repeated member: which one a DOM lookup finds is the full path's business.
                if ((seen & field) != 0)
                {
                    return false;
                }

                seen |= field;
            }

            switch (field)
            {
                case TypeField:
                    if (!PlainString(ref reader, out type, out hasType))
                    {
                        return false;
                    }

                    break;
                case EventField:
                    if (!PlainString(ref reader, out eventName, out hasEvent))
                    {
                        return false;
                    }

                    break;
                case TimestampField:
                    if (!PlainString(ref reader, out timestamp, out hasTimestamp))
                    {
                        return false;
                    }

                    break;
                case UserIdField or AnonymousIdField:
                    if (!PlainString(ref reader, out var id, out var hasId))
                    {
                        return false;
                    }

                    // An id with a visible ASCII character is not blank after trimming (raw control characters cannot
                    // occur in a JSON string, and escaped ones were refused above), so the message is identified.
                    identified |= hasId && line[id].IndexOfAnyInRange((byte)0x21, (byte)0x7E) >= 0;
                    break;
                case PropertiesField:
                    if (!Properties(ref reader, ref propertiesSeen))
                    {
                        return false;
                    }

                    break;
                default:
                    reader.Read();
                    reader.Skip();
                    break;
            }
        }

        // Anything after the object but white space is invalid JSON.
        return !reader.Read() && Decide(line, hasType ? type : null, hasEvent ? eventName : null, hasTimestamp ? timestamp : null, identified, latestUtcTicks, out kind);
    }

    /// <summary>
    /// The rules of <see cref="SegmentMessageParser"/> on a message's captured fields (null when absent), given that
    /// the products and totals it reads were all plain numbers or absent, so that none of its number rules can
    /// reject the line: a call type, a timestamp not too far ahead, an id, and a track's name.
    /// </summary>
    internal static bool Decide(ReadOnlySpan<byte> line, Range? type, Range? eventName, Range? timestamp, bool identified, long latestUtcTicks, out EventKind kind)
    {
        kind = EventKind.Other;
        return type is { } typeRange && timestamp is { } timestampRange && identified
            && Utf8IsoTimestamp.TryParseUtcTicks(line[timestampRange], out var ticks) && ticks <= latestUtcTicks
            && TryKind(line[typeRange], eventName is { } name ? line[name] : default, out kind);
    }

    /// <summary>The kind of a plain lower-case call type (and a track's event name); false for anything the full path must judge.</summary>
    internal static bool TryKind(ReadOnlySpan<byte> type, ReadOnlySpan<byte> eventName, out EventKind kind)
    {
        kind = EventKind.Other;
        if (type.SequenceEqual("track"u8))
        {
            // A track needs a non-blank name; only ASCII names are compared here (ignoring case, after trimming
            // spaces, as EventKindNames does), since case folding beyond ASCII is the full path's.
            var name = eventName.Trim((byte)' ');
            if (name.IsEmpty || !Ascii.IsValid(name))
            {
                return false;
            }

            kind = Ascii.EqualsIgnoreCase(name, "Product Viewed"u8) ? EventKind.ProductViewed
                : Ascii.EqualsIgnoreCase(name, "Product Added"u8) ? EventKind.ProductAdded
                : Ascii.EqualsIgnoreCase(name, "Checkout Started"u8) ? EventKind.CheckoutStarted
                : Ascii.EqualsIgnoreCase(name, "Order Completed"u8) ? EventKind.OrderCompleted
                : EventKind.Other;
            return true;
        }

        if (type.SequenceEqual("page"u8) || type.SequenceEqual("screen"u8))
        {
            kind = EventKind.PageViewed;
            return true;
        }

        if (type.SequenceEqual("identify"u8))
        {
            kind = EventKind.Identify;
            return true;
        }

        return type.SequenceEqual("group"u8) || type.SequenceEqual("alias"u8);
    }

    internal const int TypeField = 1, EventField = 2, UserIdField = 4, AnonymousIdField = 8, TimestampField = 16, PropertiesField = 32;

    internal static int TopField(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 when name.SequenceEqual("type"u8) => TypeField,
        5 when name.SequenceEqual("event"u8) => EventField,
        6 when name.SequenceEqual("userId"u8) => UserIdField,
        9 when name.SequenceEqual("timestamp"u8) => TimestampField,
        10 when name.SequenceEqual("properties"u8) => PropertiesField,
        11 when name.SequenceEqual("anonymousId"u8) => AnonymousIdField,
        _ => 0,
    };

    /// <summary>Where the next value's unescaped string bytes lie in the line (<paramref name="present"/> false for null); false for any other token.</summary>
    private static bool PlainString(ref Utf8JsonReader reader, out Range value, out bool present)
    {
        reader.Read();
        value = default;
        present = false;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }

        // A string token starts at its opening quote; its value follows.
        var start = (int)reader.TokenStartIndex + 1;
        value = start..(start + reader.ValueSpan.Length);
        present = true;
        return true;
    }

    internal const int PriceMember = 1, QuantityMember = 2, TotalMember = 4, RevenueMember = 8, ValueMember = 16, ProductsMember = 32, ProductIdMember = 64;

    /// <summary>
    /// <c>properties</c>: an object whose price, quantity, total, revenue and value are plain numbers (or null) and
    /// whose <c>products[]</c> items are too; other members are skipped. False for anything else.
    /// </summary>
    private static bool Properties(ref Utf8JsonReader reader, ref int seen)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var member = PropertyMember(reader.ValueSpan);
            if (member != 0)
            {
                if ((seen & member) != 0)
                {
                    return false;
                }

                seen |= member;
            }

            switch (member)
            {
                case PriceMember or TotalMember or RevenueMember or ValueMember:
                    if (!PlainAmount(ref reader))
                    {
                        return false;
                    }

                    break;
                case QuantityMember:
                    if (!PlainQuantity(ref reader))
                    {
                        return false;
                    }

                    break;
                case ProductsMember:
                    if (!Products(ref reader))
                    {
                        return false;
                    }

                    break;
                default:
                    reader.Read();
                    reader.Skip();
                    break;
            }
        }

        return true;
    }

    internal static int PropertyMember(ReadOnlySpan<byte> name) => name.Length switch
    {
        5 when name.SequenceEqual("price"u8) => PriceMember,
        5 when name.SequenceEqual("total"u8) => TotalMember,
        5 when name.SequenceEqual("value"u8) => ValueMember,
        7 when name.SequenceEqual("revenue"u8) => RevenueMember,
        8 when name.SequenceEqual("quantity"u8) => QuantityMember,
        8 when name.SequenceEqual("products"u8) => ProductsMember,
        10 when name.SequenceEqual("product_id"u8) => ProductIdMember,
        _ => 0,
    };

    /// <summary><c>products[]</c>: an array whose objects' price and quantity are plain numbers (or null), each met once.</summary>
    private static bool Products(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueIsEscaped)
                {
                    return false;
                }

                var member = PropertyMember(reader.ValueSpan);
                if (member is PriceMember or QuantityMember or ProductIdMember)
                {
                    if ((seen & member) != 0)
                    {
                        return false;
                    }

                    seen |= member;
                }

                var plain = member switch
                {
                    PriceMember => PlainAmount(ref reader),
                    QuantityMember => PlainQuantity(ref reader),
                    _ => SkipValue(ref reader),
                };
                if (!plain)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
        return true;
    }

    /// <summary>
    /// A null, or a JSON number that a decimal holds with room to spare: no exponent and at most 15 characters, so
    /// that price × quantity and their sums stay far inside decimal's range. Numbers as strings and anything else
    /// are left to the full path.
    /// </summary>
    private static bool PlainAmount(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null || (reader.TokenType == JsonTokenType.Number && IsPlainAmount(reader.ValueSpan));
    }

    /// <summary>A null, or a non-negative plain number under a billion: a quantity the full path takes as it is.</summary>
    private static bool PlainQuantity(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null || (reader.TokenType == JsonTokenType.Number && IsPlainQuantity(reader.ValueSpan));
    }

    /// <summary>A JSON number's text that is a plain amount (see <see cref="PlainAmount"/>).</summary>
    internal static bool IsPlainAmount(ReadOnlySpan<byte> number) => number.Length <= 15 && number.IndexOfAny((byte)'e', (byte)'E') < 0;

    /// <summary>A JSON number's text that is a plain quantity (see <see cref="PlainQuantity"/>).</summary>
    internal static bool IsPlainQuantity(ReadOnlySpan<byte> number)
    {
        var point = number.IndexOf((byte)'.');
        var whole = point < 0 ? number : number[..point];
        return number[0] != '-' && whole.Length <= 9 && number.Length <= 20 && number.IndexOfAny((byte)'e', (byte)'E') < 0;
    }
}
