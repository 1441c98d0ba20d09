using System.Text;
using System.Text.Unicode;

namespace Segments.Core.Ingest.Records;

/// <summary>
/// Checks the bytes of a file said to be UTF-8 on their way to the decoder, which would otherwise replace every
/// invalid sequence by U+FFFD without a word. Each invalid sequence is noted with its byte offset and the line
/// it is on, so that the row holding it becomes a row error naming the offset. The check is vectorised
/// (<see cref="Utf8.IsValid(ReadOnlySpan{byte})"/>) and only a buffer that fails it is walked.
/// </summary>
/// <param name="inner">The bytes.</param>
/// <param name="firstDataLine">The line of the first byte after the header's line break (not 2 when the stream is a header followed by a later part of the file).</param>
/// <param name="firstDataOffset">The file offset of that byte; negative when the stream is the file itself.</param>
public sealed class Utf8Check(Stream inner, long firstDataLine = 2, long firstDataOffset = -1) : ReadOnlyStreamWrapper(inner)
{
    private readonly Queue<(long Line, long Offset)> _invalid = new();
    private readonly byte[] _carry = new byte[4];
    private readonly char[] _scratch = new char[4096];
    private int _carryCount;
    private long _offset;
    private long _line = 1;
    private bool _inHeader = true;

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        Check(buffer[..read], end: read == 0 && !buffer.IsEmpty);
        return read;
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Check(buffer.Span[..read], end: read == 0 && !buffer.IsEmpty);
        return read;
    }

    /// <summary>
    /// The offset of the first invalid sequence on a line up to <paramref name="lastLine"/> (the last line of the
    /// record just read), or null; the sequences up to that line are then forgotten. Asked in file order.
    /// </summary>
    public long? FirstInvalidUpTo(long lastLine)
    {
        long? first = null;
        while (_invalid.TryPeek(out var invalid) && invalid.Line <= lastLine)
        {
            first ??= invalid.Offset;
            _invalid.Dequeue();
        }

        return first;
    }

    /// <summary>The reason for a row that holds a sequence at <paramref name="offset"/>.</summary>
    public static string Describe(long offset) =>
        $"bytes that are not valid UTF-8 at byte offset {offset:N0}; if the file is in another encoding, declare it (blob metadata encoding, e.g. windows-1252)";

    private void Check(ReadOnlySpan<byte> bytes, bool end)
    {
        if (end)
        {
            if (_carryCount > 0)
            {
                Note(_offset - _carryCount, _line);
                _carryCount = 0;
            }

            return;
        }

        if (_inHeader)
        {
            var lineFeed = bytes.IndexOf((byte)'\n');
            if (lineFeed >= 0)
            {
                // The header's own line break moves to the first data line, which may not be line 2.
                CheckPart(bytes[..lineFeed]);
                _offset++;
                _inHeader = false;
                _line = firstDataLine;
                if (firstDataOffset >= 0)
                {
                    _offset = firstDataOffset;
                }

                bytes = bytes[(lineFeed + 1)..];
            }
        }

        CheckPart(bytes);
    }

    private void CheckPart(ReadOnlySpan<byte> bytes)
    {
        var start = _carryCount > 0 ? FinishCarried(bytes) : 0;
        if (start < 0)
        {
            return;
        }

        var part = bytes[start..];
        if (!Utf8.IsValid(part))
        {
            // Most often only the last character is cut by the read: carry it without walking the buffer.
            var cut = CompleteLength(part);
            if (cut < part.Length && Utf8.IsValid(part[..cut]))
            {
                part[cut..].CopyTo(_carry);
                _carryCount = part.Length - cut;
            }
            else
            {
                Walk(bytes, start);
            }
        }

        _line += bytes.Count((byte)'\n');
        _offset += bytes.Length;
    }

    /// <summary>Completes a sequence split between two reads; returns where the new bytes go on, or -1 when still incomplete.</summary>
    private int FinishCarried(ReadOnlySpan<byte> bytes)
    {
        Span<byte> joined = stackalloc byte[8];
        _carry.AsSpan(0, _carryCount).CopyTo(joined);
        var taken = Math.Min(bytes.Length, 4 - _carryCount);
        bytes[..taken].CopyTo(joined[_carryCount..]);
        var status = Rune.DecodeFromUtf8(joined[..(_carryCount + taken)], out _, out var consumed);
        if (status == System.Buffers.OperationStatus.NeedMoreData && taken == bytes.Length)
        {
            bytes.CopyTo(_carry.AsSpan(_carryCount));
            _carryCount += bytes.Length;
            _offset += bytes.Length;
            _line += bytes.Count((byte)'\n');
            return -1;
        }

        var carried = _carryCount;
        _carryCount = 0;
        if (status != System.Buffers.OperationStatus.Done)
        {
            Note(_offset - carried, _line);
            return 0;
        }

        return consumed - carried;
    }

    /// <summary>
    /// Finds each invalid sequence in <paramref name="bytes"/> from <paramref name="start"/> (a part that failed the
    /// quick check; offsets and lines count from the part's first byte), and carries an incomplete last one.
    /// </summary>
    private void Walk(ReadOnlySpan<byte> bytes, int start)
    {
        var position = start;
        while (position < bytes.Length)
        {
            var status = Utf8.ToUtf16(bytes[position..], _scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: false);
            position += read;
            if (status == System.Buffers.OperationStatus.NeedMoreData)
            {
                bytes[position..].CopyTo(_carry);
                _carryCount = bytes.Length - position;
                return;
            }

            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                Note(_offset + position, _line + bytes[..position].Count((byte)'\n'));
                Rune.DecodeFromUtf8(bytes[position..], out _, out var invalid);
                position += Math.Max(1, invalid);
            }
        }
    }

    /// <summary>The length of <paramref name="bytes"/> without a multi-byte sequence its end cuts short.</summary>
    private static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var k = 1; k <= Math.Min(3, bytes.Length); k++)
        {
            var b = bytes[^k];
            if ((b & 0x80) == 0)
            {
                return bytes.Length;
            }

            if ((b & 0xC0) == 0xC0)
            {
                var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return length > k ? bytes.Length - k : bytes.Length;
            }
        }

        return bytes.Length;
    }

    private void Note(long offset, long line) => _invalid.Enqueue((line, offset));
}
