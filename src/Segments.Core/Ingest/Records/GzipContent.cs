using System.IO.Compression;

namespace Segments.Core.Ingest.Records;

/// <summary>
/// The decompressed content of a gzip upload, every member of it, without the end mark that
/// <see cref="CompressedInput"/> appends: the last bytes are held back until the end, where they must be that
/// mark, or the upload was cut off inside a member (<see cref="ExportRejectedException"/>).
/// </summary>
public sealed class GzipContent(CompressedInput compressed) : ReadOnlyStreamWrapper(new GZipStream(compressed, CompressionMode.Decompress))
{
    private readonly byte[] _held = new byte[CompressedInput.EndMark.Length];
    private int _heldCount;
    private bool _ended;

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            if (buffer.IsEmpty || _ended)
            {
                return 0;
            }

            var target = new byte[buffer.Length + _held.Length];
            _held.AsSpan(0, _heldCount).CopyTo(target);
            int read;
            try
            {
                read = Inner.Read(target.AsSpan(_heldCount, buffer.Length));
            }
            catch (InvalidDataException ex) when (compressed.Ended)
            {
                throw Truncated(ex);
            }

            var n = Settle(target, _heldCount + read, read == 0);
            target.AsSpan(0, n).CopyTo(buffer);
            if (n > 0 || read == 0)
            {
                return n;
            }
        }
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (buffer.IsEmpty || _ended)
            {
                return 0;
            }

            // Read behind the held bytes, then hold back the new last bytes.
            var target = buffer.Length > _held.Length ? buffer : new byte[_held.Length + 1];
            _held.AsSpan(0, _heldCount).CopyTo(target.Span);
            int read;
            try
            {
                read = await Inner.ReadAsync(target[_heldCount..], cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException ex) when (compressed.Ended)
            {
                // The upload ended inside a member, and the decompressor read on into the mark.
                throw Truncated(ex);
            }

            var n = Settle(target.Span, _heldCount + read, read == 0);
            if (!target.Equals(buffer))
            {
                target.Span[..n].CopyTo(buffer.Span);
            }

            if (n > 0 || read == 0)
            {
                return n;
            }
        }
    }

    private static ExportRejectedException Truncated(Exception? inner) =>
        new("the gzip data is truncated or corrupt: the file ends inside a compressed member", inner);

    /// <summary>
    /// <paramref name="bytes"/> holds the held bytes and then new ones (<paramref name="count"/> in all): keeps the
    /// last few held and returns how many before them are content. At the end, checks that the held bytes are the mark.
    /// </summary>
    private int Settle(Span<byte> bytes, int count, bool end)
    {
        if (end)
        {
            _ended = true;
            if (_heldCount != _held.Length || !_held.AsSpan().SequenceEqual(CompressedInput.EndMark))
            {
                throw Truncated(null);
            }

            return 0;
        }

        var keep = Math.Min(count, _held.Length);
        bytes.Slice(count - keep, keep).CopyTo(_held);
        _heldCount = keep;
        return count - keep;
    }
}
