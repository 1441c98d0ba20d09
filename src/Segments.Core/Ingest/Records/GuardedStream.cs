namespace Segments.Core.Ingest.Records;

/// <summary>
/// Counts the bytes read through it and stops the read with <see cref="ExportRejectedException"/> past a
/// size limit, or, for a decompressed stream, past a ratio to the compressed bytes read so far.
/// </summary>
public sealed class GuardedStream(Stream inner, long maxBytes, Func<long>? compressedBytesRead = null, double maxExpansion = double.PositiveInfinity, Action<long>? onEnd = null) : Stream
{
    // Small files compress extremely well (headers, repeated values); the ratio applies beyond this much
    // output, which is still well below one record's length limit so a bomb is named as such.
    private const long ExpansionAllowance = 1024 * 1024;

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        if (read == 0)
        {
            onEnd?.Invoke(BytesRead);
        }

        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            throw new ExportRejectedException($"the file is larger than the {maxBytes:N0}-byte limit (setting Segments:Ingest:MaxFileBytes)");
        }

        if (compressedBytesRead is not null && BytesRead > ExpansionAllowance && BytesRead > maxExpansion * Math.Max(1, compressedBytesRead()))
        {
            throw new ExportRejectedException($"the gzip data expands more than {maxExpansion:0.#} times (setting Segments:Ingest:MaxGzipExpansion): refused as a possible decompression bomb");
        }

        return read;
    }
}
