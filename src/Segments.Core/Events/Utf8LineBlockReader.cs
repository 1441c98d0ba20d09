using System.Buffers;
using System.Collections.Concurrent;

namespace Segments.Core.Events;

/// <summary>
/// Splits a UTF-8 stream into blocks of whole lines (ended by <c>\n</c> or <c>\r\n</c>) in pooled buffers of a few
/// MiB, so that lines can be parsed from their bytes, in parallel, without a string per line. A line longer than a
/// block (necessarily over the record limit, which a block is sized to hold three bytes per character of) is not
/// buffered: it is counted while skipped and its beginning kept for the error report, as
/// <see cref="BoundedLineReader"/> does for text.
/// </summary>
internal sealed class Utf8LineBlockReader(Stream stream, int maxRecordChars)
{
    /// <summary>Bytes of an over-long line kept for its error report (more than enough for the report's 100 characters).</summary>
    public const int BeginningBytes = 4 * (Ingest.RowError.MaxValueLength + 1);

    private readonly int _blockSize = (int)Math.Clamp(3L * maxRecordChars + 2, 4 << 20, Array.MaxLength);

    // A block's line list is large (tens of thousands of lines), so lists are reused rather than left to the large
    // object heap: one is being filled while the block before is parsed, so two circulate.
    private readonly ConcurrentBag<List<BlockLine>> _spareLines = [];
    private byte[]? _carry;
    private int _carryLength;
    private long _lineNumber;
    private bool _ended;
    private bool _atStart = true;

    /// <summary>The next block, or null at the end of the stream.</summary>
    public async ValueTask<LineBlock?> ReadAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(_blockSize);
        var filled = 0;
        if (_carryLength > 0)
        {
            _carry.AsSpan(0, _carryLength).CopyTo(buffer);
            filled = _carryLength;
            _carryLength = 0;
        }

        while (filled < _blockSize && !_ended)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled, _blockSize - filled), cancellationToken).ConfigureAwait(false);
            _ended = read == 0;
            filled += read;
        }

        var position = 0;
        if (_atStart)
        {
            _atStart = false;
            position = filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        }

        if (filled == position)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }

        if (!_spareLines.TryTake(out var lines))
        {
            lines = new List<BlockLine>(Math.Max(16, filled / 160));
        }

        while (position < filled)
        {
            var newline = buffer.AsSpan(position, filled - position).IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }

            lines.Add(Line(buffer, position, newline));
            position += newline + 1;
        }

        if (position < filled)
        {
            if (_ended)
            {
                lines.Add(Line(buffer, position, filled - position));
            }
            else if (position == 0)
            {
                lines.Add(await SkipOverlongAsync(buffer, filled, cancellationToken).ConfigureAwait(false));
            }
            else
            {
                _carry ??= new byte[_blockSize];
                buffer.AsSpan(position, filled - position).CopyTo(_carry);
                _carryLength = filled - position;
            }
        }

        return new LineBlock(buffer, lines, _spareLines.Add);
    }

    private BlockLine Line(byte[] buffer, int start, int length)
    {
        if (length > 0 && buffer[start + length - 1] == (byte)'\r')
        {
            length--;
        }

        return new BlockLine(++_lineNumber, start, length);
    }

    /// <summary>
    /// A full block without a line break: the line is over the limit. Keeps its beginning, counts its characters
    /// to the next line break (reading on with <paramref name="buffer"/> as scratch), and carries what follows.
    /// </summary>
    private async ValueTask<BlockLine> SkipOverlongAsync(byte[] buffer, int filled, CancellationToken cancellationToken)
    {
        var beginning = buffer.AsSpan(0, Math.Min(BeginningBytes, filled)).ToArray();
        long chars = 0;
        var last = (byte)0;
        var count = filled;
        while (true)
        {
            var span = buffer.AsSpan(0, count);
            var newline = span.IndexOf((byte)'\n');
            var part = newline < 0 ? span : span[..newline];
            chars += Utf16Length(part);
            last = part.IsEmpty ? last : part[^1];
            if (newline >= 0)
            {
                _carry ??= new byte[_blockSize];
                span[(newline + 1)..].CopyTo(_carry);
                _carryLength = count - newline - 1;
                break;
            }

            count = await stream.ReadAsync(buffer.AsMemory(0, _blockSize), cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                _ended = true;
                break;
            }
        }

        return new BlockLine(++_lineNumber, 0, 0, last == (byte)'\r' ? chars - 1 : chars, beginning);
    }

    /// <summary>UTF-16 characters of UTF-8 bytes: one per sequence, two for a four-byte one (a surrogate pair).</summary>
    private static long Utf16Length(ReadOnlySpan<byte> bytes)
    {
        long chars = 0;
        foreach (var b in bytes)
        {
            chars += (b & 0xC0) == 0x80 ? 0 : b >= 0xF0 ? 2 : 1;
        }

        return chars;
    }
}
