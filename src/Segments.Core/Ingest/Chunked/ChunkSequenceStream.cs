using System.Buffers;
using System.Threading.Channels;
using Segments.Core.Ingest.Records;

namespace Segments.Core.Ingest.Chunked;

/// <summary>
/// The bytes the sequential parser reads once the chunked path gives up on a file: the header again (so
/// that Sylvan detects the same delimiter and line endings as it would have), then the first irregular
/// chunk and every chunk queued after it, in order. A failure queued by the splitter surfaces here, where
/// the sequential parser would have met it.
/// </summary>
internal sealed class ChunkSequenceStream(byte[] header, ExportChunk first, ChannelReader<Task<ChunkOutcome>> queue) : ReadOnlyStreamWrapper(Null)
{
    private ReadOnlyMemory<byte> _current = header;
    private ExportChunk? _pending = first;
    private ExportChunk? _held;

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        // Only the asynchronous path is used by the parser; this keeps a synchronous caller correct.
        var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            var n = ReadAsync(rented.AsMemory(0, buffer.Length)).AsTask().GetAwaiter().GetResult();
            rented.AsSpan(0, n).CopyTo(buffer);
            return n;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Fill the whole request, as a file or a blob does: Sylvan treats a record differently near the end of
        // what it has buffered (a bare CR ends a record there, and is data elsewhere), so short reads would
        // change how a damaged file reads.
        var filled = 0;
        while (filled < buffer.Length && await NextAsync(cancellationToken).ConfigureAwait(false))
        {
            var n = Math.Min(buffer.Length - filled, _current.Length);
            _current[..n].CopyTo(buffer[filled..]);
            _current = _current[n..];
            filled += n;
        }

        return filled;
    }

    /// <summary>Makes <see cref="_current"/> non-empty; false at the end.</summary>
    private async ValueTask<bool> NextAsync(CancellationToken cancellationToken)
    {
        while (_current.IsEmpty)
        {
            Release();
            if (_pending is { } next)
            {
                _pending = null;
                (_held, _current) = (next, next.Memory);
                continue;
            }

            if (!await queue.WaitToReadAsync(cancellationToken).ConfigureAwait(false) || !queue.TryRead(out var task))
            {
                return false;
            }

            var outcome = await task.ConfigureAwait(false);
            if (outcome.Rows is { } rows)
            {
                ArrayPool<ParsedRow>.Shared.Return(rows, clearArray: true);
            }

            (_held, _current) = (outcome.Chunk, outcome.Chunk.Memory);
        }

        return true;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        Release();
        base.Dispose(disposing);
    }

    private void Release()
    {
        if (_held is { } held)
        {
            _held = null;
            ArrayPool<byte>.Shared.Return(held.Bytes);
        }
    }
}
