namespace Segments.Core.Ingest.Records;

/// <summary>
/// Gives back bytes already read from a forward-only stream before the rest of it, so the format can be
/// sniffed from the first bytes of a blob without reading it twice.
/// </summary>
public sealed class ReplayStream(ReadOnlyMemory<byte> prefix, Stream rest, bool leaveOpen = false) : ReadOnlyStreamWrapper(rest, leaveOpen)
{
    private int _position;

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (_position < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _position);
            prefix.Span.Slice(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return Inner.Read(buffer);
    }

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _position < prefix.Length ? ValueTask.FromResult(Read(buffer.Span)) : Inner.ReadAsync(buffer, cancellationToken);

    /// <summary>Reads up to <paramref name="count"/> bytes (fewer only at the end of the stream).</summary>
    public static async Task<byte[]> ReadPrefixAsync(Stream stream, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        var filled = 0;
        int read;
        while (filled < count && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        return filled == count ? buffer : buffer[..filled];
    }
}
