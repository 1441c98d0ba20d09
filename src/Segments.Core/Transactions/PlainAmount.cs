namespace Segments.Core.Transactions;

/// <summary>
/// Formats a decimal as UTF-8 the way its default invariant format does (every digit of its scale kept:
/// <c>15.30</c>, <c>-0.05</c>, <c>12</c>) for the common case of a non-zero mantissa under 2^64, by hand.
/// Anything else (zero, with its sign rules, and huge mantissas) is left to <see cref="decimal.TryFormat(Span{byte}, out int, ReadOnlySpan{char}, IFormatProvider?)"/>.
/// </summary>
internal static class PlainAmount
{
    /// <summary>True and the bytes written when <paramref name="value"/> is such a number and fits.</summary>
    public static bool TryFormat(decimal value, Span<byte> destination, out int written)
    {
        written = 0;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        if (bits[2] != 0 || mantissa == 0)
        {
            return false;
        }

        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        Span<byte> digits = stackalloc byte[20];
        var count = 0;
        while (mantissa != 0)
        {
            digits[count++] = (byte)('0' + (int)(mantissa % 10));
            mantissa /= 10;
        }

        // Digits before the point (at least one 0), the point and the scale's digits.
        var whole = Math.Max(count - scale, 1);
        var length = (negative ? 1 : 0) + whole + (scale > 0 ? 1 + scale : 0);
        if (length > destination.Length)
        {
            return false;
        }

        var at = 0;
        if (negative)
        {
            destination[at++] = (byte)'-';
        }

        // Position p counts digits from the most significant of whole + scale digits, zero-padded on the left.
        var total = whole + scale;
        for (var p = 0; p < total; p++)
        {
            if (p == whole)
            {
                destination[at++] = (byte)'.';
            }

            var index = total - 1 - p;
            destination[at++] = index < count ? digits[index] : (byte)'0';
        }

        written = at;
        return true;
    }
}
