using System.Buffers.Binary;

namespace Segments.Core.Ingest.Records;

/// <summary>
/// The compressed side of a gzip upload. It hands the decompressor small chunks, so that the bytes read so far
/// measure the expansion ratio closely (a decompression bomb is caught after a few kilobytes, not megabytes),
/// and it keeps the last eight bytes: the gzip trailer, whose ISIZE field tells a complete file from a cut one.
/// </summary>
public sealed class CompressedInput(Stream inner) : ReadOnlyStreamWrapper(inner)
{
    private const int ChunkBytes = 4096;
    private const int TrailerBytes = 8;
    private readonly byte[] _tail = new byte[TrailerBytes];
    private int _tailLength;

    /// <summary>Compressed bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>
    /// Checks, at the end of the decompressed data, that the gzip trailer's size (RFC 1952, ISIZE: the
    /// uncompressed length modulo 2^32) matches what came out; a cut-off upload ends early and fails this.
    /// </summary>
    public void VerifyComplete(long decompressedBytes)
    {
        if (_tailLength < TrailerBytes || BinaryPrimitives.ReadUInt32LittleEndian(_tail.AsSpan(4)) != (uint)decompressedBytes)
        {
            throw new ExportRejectedException("the gzip data is truncated or corrupt: it ends before its trailer, or the trailer's size does not match the data");
        }
    }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer[..Math.Min(buffer.Length, ChunkBytes)]);
        Remember(buffer[..read]);
        return read;
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await Inner.ReadAsync(buffer[..Math.Min(buffer.Length, ChunkBytes)], cancellationToken).ConfigureAwait(false);
        Remember(buffer.Span[..read]);
        return read;
    }

    /// <inheritdoc />
    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    private void Remember(ReadOnlySpan<byte> bytes)
    {
        BytesRead += bytes.Length;
        if (bytes.Length >= TrailerBytes)
        {
            bytes[^TrailerBytes..].CopyTo(_tail);
            _tailLength = TrailerBytes;
            return;
        }

        // Shift the kept tail left and append the few new bytes.
        var keep = Math.Min(_tailLength, TrailerBytes - bytes.Length);
        _tail.AsSpan(_tailLength - keep, keep).CopyTo(_tail);
        bytes.CopyTo(_tail.AsSpan(keep));
        _tailLength = keep + bytes.Length;
    }
}
