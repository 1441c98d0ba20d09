using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Segments.Core.Ingest.Chunked;

/// <summary>
/// Finds, left to right, the characters that end an unquoted CSV field (the delimiter, a quote, LF, CR) in a chunk's
/// text: 16 characters are compared at a time into a bit mask, and each field's end is then the next set bit.
/// It gives exactly what <c>text[pos..].IndexOfAny(delimiter, '"', '\n', '\r')</c> gives, but a field of a
/// typical export is a few characters long, and one IndexOfAny call per field (its set-up, for a match found in
/// its first vector) was an eighth of <c>segments score</c>'s CPU on the 1 GiB file; see bench/README.md, issue 17.
/// The text must not change at or after a position once it has been asked for (the quoted-field path only
/// rewrites characters before the position it asks for next).
/// </summary>
internal ref struct DelimitedStops
{
    private const int Block = 16;

    private readonly ReadOnlySpan<char> _text;
    private readonly SearchValues<char> _stops;
    private readonly Vector128<ushort> _delimiter;
    private int _blockStart;
    private uint _mask;

    /// <summary>Stops in <paramref name="text"/>; <paramref name="stops"/> are the same four characters, for the tail.</summary>
    public DelimitedStops(ReadOnlySpan<char> text, char delimiter, SearchValues<char> stops)
    {
        _text = text;
        _stops = stops;
        _delimiter = Vector128.Create((ushort)delimiter);
        _blockStart = -Block;
        _mask = 0;
    }

    /// <summary>The position of the first stop at or after <paramref name="pos"/>, or -1 when there is none.</summary>
    public int Next(int pos)
    {
        while (true)
        {
            var offset = pos - _blockStart;
            if ((uint)offset < Block)
            {
                var ahead = _mask & (uint.MaxValue << offset);
                if (ahead != 0)
                {
                    return _blockStart + BitOperations.TrailingZeroCount(ahead);
                }

                pos = _blockStart + Block;
            }

            if (pos > _text.Length - Block)
            {
                // The last few characters: too few for a whole block.
                var rest = _text[pos..].IndexOfAny(_stops);
                return rest < 0 ? -1 : pos + rest;
            }

            Load(pos);
        }
    }

    private void Load(int pos)
    {
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(_text));
        var low = Stops(Vector128.LoadUnsafe(ref first, (nuint)pos));
        var high = Stops(Vector128.LoadUnsafe(ref first, (nuint)(pos + 8)));
        // Each comparison lane is all ones or all zeros, so narrowing keeps it exact.
        _mask = Vector128.Narrow(low, high).ExtractMostSignificantBits();
        _blockStart = pos;
    }

    private readonly Vector128<ushort> Stops(Vector128<ushort> chars) =>
        Vector128.Equals(chars, _delimiter)
        | Vector128.Equals(chars, Vector128.Create((ushort)'"'))
        | Vector128.Equals(chars, Vector128.Create((ushort)'\n'))
        | Vector128.Equals(chars, Vector128.Create((ushort)'\r'));
}
