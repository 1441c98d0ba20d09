using System.IO.Compression;

namespace Segments.Core.Ingest.Records;

/// <summary>
/// The compressed side of a gzip upload. It hands the decompressor small chunks, so that the bytes read so far
/// measure the expansion ratio closely (a decompression bomb is caught after a few kilobytes, not megabytes),
/// and after the upload's last byte it appends one more gzip member of its own holding <see cref="EndMark"/>.
/// Gzip files may hold several members (<c>cat a.gz b.gz</c>, parallel writers) and the decompressor reads them
/// all and checks each member's CRC and size, but a file cut off inside a member simply ends early; the mark
/// coming out whole, last, proves that every member of the upload was complete (<see cref="GzipContent"/>).
/// </summary>
public sealed class CompressedInput(Stream inner) : ReadOnlyStreamWrapper(inner)
{
    private const int ChunkBytes = 4096;

    private static readonly byte[] MarkMember = Compress(EndMark);

    private int _markSent = -1;

    /// <summary>What the appended member holds: 16 bytes no export ends with by chance.</summary>
    public static ReadOnlySpan<byte> EndMark => "\0segments:end\0\u00ff\u00fe"u8;

    /// <summary>True once the upload's own bytes are all read (the mark is being or has been sent).</summary>
    public bool Ended => _markSent >= 0;

    /// <summary>Compressed bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (_markSent >= 0)
        {
            return SendMark(buffer);
        }

        var read = Inner.Read(buffer[..Math.Min(buffer.Length, ChunkBytes)]);
        return Counted(read, buffer);
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_markSent >= 0)
        {
            return SendMark(buffer.Span);
        }

        var read = await Inner.ReadAsync(buffer[..Math.Min(buffer.Length, ChunkBytes)], cancellationToken).ConfigureAwait(false);
        return Counted(read, buffer.Span);
    }

    /// <inheritdoc />
    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    private int Counted(int read, Span<byte> buffer)
    {
        if (read == 0 && !buffer.IsEmpty)
        {
            _markSent = 0;
            return SendMark(buffer);
        }

        BytesRead += read;
        return read;
    }

    private int SendMark(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, MarkMember.Length - _markSent);
        MarkMember.AsSpan(_markSent, n).CopyTo(buffer);
        _markSent += n;
        return n;
    }

    private static byte[] Compress(ReadOnlySpan<byte> content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.NoCompression, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }
}
