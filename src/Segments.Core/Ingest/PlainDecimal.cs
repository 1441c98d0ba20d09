namespace Segments.Core.Ingest;

/// <summary>
/// Reads plain decimals (<c>-12</c>, <c>2.55</c>, <c>0.10</c>: an optional minus, ASCII digits, at most one
/// point with digits on both sides, at most 18 digits) by hand. Accepts a strict subset of what
/// <c>decimal.TryParse(NumberStyles.Float, InvariantCulture)</c> accepts, with the same value and scale;
/// anything else (zero, exponents, signs other than a leading minus, white space, long values) is left to it.
/// </summary>
internal static class PlainDecimal
{
    private const int MaxDigits = 18;

    /// <summary>True and the value when <paramref name="text"/> is such a number.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        var negative = !text.IsEmpty && text[0] == '-';
        var digits = negative ? text[1..] : text;
        if (digits.IsEmpty || digits.Length > MaxDigits + 1)
        {
            return false;
        }

        long mantissa = 0;
        var point = -1;
        for (var i = 0; i < digits.Length; i++)
        {
            var c = digits[i];
            if (c == '.' && point < 0 && i > 0 && i < digits.Length - 1)
            {
                point = i;
                continue;
            }

            var digit = c - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            mantissa = (mantissa * 10) + digit;
        }

        // Zero keeps decimal.TryParse's own rules for its sign and scale.
        if (mantissa == 0 || (point < 0 && digits.Length > MaxDigits))
        {
            return false;
        }

        var scale = point < 0 ? 0 : digits.Length - point - 1;
        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)scale);
        return true;
    }
}
