namespace Segments.Pipeline.Api;

/// <summary>
/// A request body that may be read up to a limit and no further: the read that would pass it throws
/// <see cref="RequestBodyTooLargeException"/>, so a handler never buffers more than its route takes, whatever
/// the client sends (with or without Content-Length, chunked or not) and whatever the host's own limit is.
/// </summary>
public sealed class BoundedReadStream(Stream inner, long limitBytes, string setting) : Stream
{
    private long _read;

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
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, Allowed(count)));

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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

    // One byte past the limit is asked for, so that a body of exactly the limit reads whole and a longer one is caught.
    private int Allowed(int count) => (int)Math.Min(count, Math.Max(0, limitBytes + 1 - _read));

    private int Count(int read)
    {
        _read += read;
        return _read > limitBytes ? throw new RequestBodyTooLargeException(limitBytes, setting) : read;
    }
}
