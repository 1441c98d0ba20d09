namespace Segments.Core.Events;

/// <summary>
/// Walks the plainest JSON, the kind event pipelines write: ASCII strings without escapes, numbers, literals,
/// objects and arrays nested at most <see cref="MaxDepth"/> deep. Whatever it accepts is valid JSON (a strict subset
/// of what <see cref="System.Text.Json.Utf8JsonReader"/> accepts), so a caller may take a line it walked as valid;
/// anything outside the subset (an escape, a non-ASCII byte, invalid JSON) makes it answer false, and the caller
/// goes to the general reader. 
/// </summary>
internal ref struct PlainJsonCursor(ReadOnlySpan<byte> json)
{
    /// <summary>Deepest nesting walked (the general reader allows 64).</summary>
    public const int MaxDepth = 32;

    private readonly ReadOnlySpan<byte> _json = json;
    private int _position;

    /// <summary>The next byte after white space, or -1 at the end.</summary>
    public int Peek()
    {
        // Locals, so that the loop keeps them in registers.
        var json = _json;
        var i = _position;
        while ((uint)i < (uint)json.Length)
        {
            var c = json[i];
            if (c is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                _position = i;
                return c;
            }

            i++;
        }

        _position = i;
        return -1;
    }

    /// <summary>Consumes <paramref name="b"/> when it comes next (after white space).</summary>
    public bool TryConsume(byte b)
    {
        if (Peek() != b)
        {
            return false;
        }

        _position++;
        return true;
    }

    /// <summary>Whether only white space is left.</summary>
    public bool AtEnd() => Peek() == -1;

    /// <summary>A plain string next: where its content lies.</summary>
    public bool TryString(out Range content)
    {
        content = default;
        if (Peek() != '"')
        {
            return false;
        }

        var start = ++_position;

        // Event strings are short (names, ids, timestamps): a byte loop beats a vectorised search's setup for them.
        var json = _json;
        var i = start;
        while ((uint)i < (uint)json.Length && json[i] is >= 0x20 and < 0x80 and not (byte)'"' and not (byte)'\\')
        {
            i++;
        }

        if ((uint)i >= (uint)json.Length || json[i] != '"')
        {
            return false;
        }

        content = start..i;
        _position = i + 1;
        return true;
    }

    /// <summary>A JSON <c>null</c> next.</summary>
    public bool TryNull() => TryLiteral("null"u8);

    /// <summary>A number next (JSON's grammar): where its text lies.</summary>
    public bool TryNumber(out Range text)
    {
        text = default;
        var c = Peek();
        if (c != '-' && !IsDigit(c))
        {
            return false;
        }

        var start = _position;
        var i = _position;
        if (_json[i] == '-')
        {
            i++;
        }

        if (i < _json.Length && _json[i] == '0')
        {
            i++;
        }
        else if (!Digits(ref i))
        {
            return false;
        }

        if (i < _json.Length && _json[i] == '.')
        {
            i++;
            if (!Digits(ref i))
            {
                return false;
            }
        }

        if (i < _json.Length && _json[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < _json.Length && _json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (!Digits(ref i))
            {
                return false;
            }
        }

        text = start..i;
        _position = i;
        return true;
    }

    /// <summary>Any plain value next, skipped; <paramref name="depth"/> is the nesting it sits at.</summary>
    public bool TrySkipValue(int depth)
    {
        switch (Peek())
        {
            case '"':
                return TryString(out _);
            case '{':
                return TrySkipContainer(depth, (byte)'}', member: true);
            case '[':
                return TrySkipContainer(depth, (byte)']', member: false);
            case 't':
                return TryLiteral("true"u8);
            case 'f':
                return TryLiteral("false"u8);
            case 'n':
                return TryLiteral("null"u8);
            default:
                return TryNumber(out _);
        }
    }

    private bool TrySkipContainer(int depth, byte close, bool member)
    {
        if (depth >= MaxDepth)
        {
            return false;
        }

        _position++;
        if (TryConsume(close))
        {
            return true;
        }

        do
        {
            if (member && (!TryString(out _) || !TryConsume((byte)':')))
            {
                return false;
            }

            if (!TrySkipValue(depth + 1))
            {
                return false;
            }
        }
        while (TryConsume((byte)','));

        return TryConsume(close);
    }

    private bool TryLiteral(ReadOnlySpan<byte> literal)
    {
        Peek();
        if (!_json[_position..].StartsWith(literal))
        {
            return false;
        }

        _position += literal.Length;
        return true;
    }

    private bool Digits(ref int i)
    {
        var start = i;
        while (i < _json.Length && IsDigit(_json[i]))
        {
            i++;
        }

        return i > start;
    }

    private static bool IsDigit(int c) => (uint)(c - '0') <= 9;
}
