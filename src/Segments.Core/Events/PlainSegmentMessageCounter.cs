using static Segments.Core.Events.SegmentMessageCounter;

namespace Segments.Core.Events;

/// <summary>
/// <see cref="SegmentMessageCounter"/>'s decision taken with a <see cref="PlainJsonCursor"/>, for the plain lines
/// nearly every file holds (ASCII, no escapes): the same fields and rules, the whole line walked, at a fraction of a
/// general reader's cost. False whenever the line is not plain or a rule might reject it.
/// </summary>
internal static class PlainSegmentMessageCounter
{
    public static bool TryAccept(ReadOnlySpan<byte> line, long latestUtcTicks, out EventKind kind)
    {
        kind = EventKind.Other;
        var cursor = new PlainJsonCursor(line);
        if (!cursor.TryConsume((byte)'{') || cursor.TryConsume((byte)'}'))
        {
            return false;
        }

        Range? type = null, eventName = null, timestamp = null;
        var identified = false;
        int seen = 0, propertiesSeen = 0;
        do
        {
            if (!cursor.TryString(out var name) || !cursor.TryConsume((byte)':'))
            {
                return false;
            }

            var field = TopField(line[name]);
            if ((seen & field) != 0)
            {
                return false;
            }

            seen |= field;
            var plain = field switch
            {
                TypeField => PlainString(ref cursor, out type),
                EventField => PlainString(ref cursor, out eventName),
                TimestampField => PlainString(ref cursor, out timestamp),
                UserIdField or AnonymousIdField => Id(ref cursor, line, ref identified),
                PropertiesField => Properties(ref cursor, line, ref propertiesSeen),
                _ => cursor.TrySkipValue(1),
            };
            if (!plain)
            {
                return false;
            }
        }
        while (cursor.TryConsume((byte)','));

        return cursor.TryConsume((byte)'}') && cursor.AtEnd() && Decide(line, type, eventName, timestamp, identified, latestUtcTicks, out kind);
    }

    /// <summary>A plain string (its content) or null (no value); false for anything else.</summary>
    private static bool PlainString(ref PlainJsonCursor cursor, out Range? value)
    {
        value = cursor.TryString(out var content) ? content : null;
        return value is not null || cursor.TryNull();
    }

    /// <summary>An id: identified once one has a visible ASCII character, so it is not blank after trimming.</summary>
    private static bool Id(ref PlainJsonCursor cursor, ReadOnlySpan<byte> line, ref bool identified)
    {
        if (!PlainString(ref cursor, out var id))
        {
            return false;
        }

        identified |= id is { } range && line[range].IndexOfAnyInRange((byte)0x21, (byte)0x7E) >= 0;
        return true;
    }

    /// <summary><c>properties</c>: null, or an object whose amounts and quantities are plain numbers or null.</summary>
    private static bool Properties(ref PlainJsonCursor cursor, ReadOnlySpan<byte> line, ref int seen)
    {
        if (cursor.TryNull())
        {
            return true;
        }

        if (!cursor.TryConsume((byte)'{'))
        {
            return false;
        }

        if (cursor.TryConsume((byte)'}'))
        {
            return true;
        }

        do
        {
            if (!cursor.TryString(out var name) || !cursor.TryConsume((byte)':'))
            {
                return false;
            }

            var member = PropertyMember(line[name]);
            if ((seen & member) != 0)
            {
                return false;
            }

            seen |= member;
            var plain = member switch
            {
                PriceMember or TotalMember or RevenueMember or ValueMember => Amount(ref cursor, line),
                QuantityMember => Quantity(ref cursor, line),
                ProductsMember => Products(ref cursor, line),
                _ => cursor.TrySkipValue(2),
            };
            if (!plain)
            {
                return false;
            }
        }
        while (cursor.TryConsume((byte)','));

        return cursor.TryConsume((byte)'}');
    }

    /// <summary><c>products[]</c>: null, or an array of objects whose price and quantity are plain numbers or null, each met once.</summary>
    private static bool Products(ref PlainJsonCursor cursor, ReadOnlySpan<byte> line)
    {
        if (cursor.TryNull())
        {
            return true;
        }

        if (!cursor.TryConsume((byte)'['))
        {
            return false;
        }

        if (cursor.TryConsume((byte)']'))
        {
            return true;
        }

        do
        {
            if (!cursor.TryConsume((byte)'{'))
            {
                return false;
            }

            if (cursor.TryConsume((byte)'}'))
            {
                continue;
            }

            var seen = 0;
            do
            {
                if (!cursor.TryString(out var name) || !cursor.TryConsume((byte)':'))
                {
                    return false;
                }

                var member = PropertyMember(line[name]);
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
                    PriceMember => Amount(ref cursor, line),
                    QuantityMember => Quantity(ref cursor, line),
                    _ => cursor.TrySkipValue(4),
                };
                if (!plain)
                {
                    return false;
                }
            }
            while (cursor.TryConsume((byte)','));

            if (!cursor.TryConsume((byte)'}'))
            {
                return false;
            }
        }
        while (cursor.TryConsume((byte)','));

        return cursor.TryConsume((byte)']');
    }

    private static bool Amount(ref PlainJsonCursor cursor, ReadOnlySpan<byte> line) =>
        cursor.TryNull() || (cursor.TryNumber(out var number) && IsPlainAmount(line[number]));

    private static bool Quantity(ref PlainJsonCursor cursor, ReadOnlySpan<byte> line) =>
        cursor.TryNull() || (cursor.TryNumber(out var number) && IsPlainQuantity(line[number]));
}
