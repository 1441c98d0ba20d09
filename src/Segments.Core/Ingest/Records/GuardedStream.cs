namespace Segments.Core.Ingest.Records;

/// <summary>
/// Counts the bytes read through it and stops the read with <see cref="ExportRejectedException"/> past a
/// size limit, or, for a decompressed stream, past a ratio to the compressed bytes read so far.
/// </summary>
public sealed class GuardedStream(Stream inner, long maxBytes, Func<long>? compressedBytesRead = null, double maxExpansion = double.PositiveInfinity) : ReadOnlyStreamWrapper(inner)
{
    // Small files compress extremely well (headers, repeated values); the ratio applies beyond this much
    // output, which is still well below one record's length limit so a bomb is named as such.
    private const long ExpansionAllowance = 1024 * 1024;

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <inheritdoc />
    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => Count(Inner.Read(buffer));

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    private int Count(int read)
    {
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
