using System.Buffers;
using System.Threading.Channels;

namespace Segments.Core.Ingest.Chunked;

/// <summary>
/// Reads a file's data (after its header, or its byte order mark for JSON Lines) into chunks that end at a record
/// boundary: for delimited text the last line feed outside quotes, found by counting quote bytes (a doubled quote
/// counts twice, so the parity still says whether a position is inside a quoted field); for JSON Lines, where a
/// line break inside a string is always escaped, the last line feed. Each chunk is handed to a parse task at once and
/// the task queued in file order; the bounded queue keeps memory bounded. A failure of the stream (size
/// limit, I/O) is queued in its place, so that it surfaces after the rows before it.
/// </summary>
internal sealed class ChunkSplitter(Stream content, ChunkedLayout layout, ChunkingSettings settings, int maxRecordBytes, Func<ExportChunk, ChunkOutcome> parse)
{
    private volatile bool _raw;

    /// <summary>Stops cutting at record boundaries and parsing: the reader of the rows has gone sequential.</summary>
    public void SwitchToRaw() => _raw = true;

    /// <summary>Fills <paramref name="queue"/> until the end of the stream, a failure, or <paramref name="cancellationToken"/>.</summary>
    public async Task RunAsync(ChannelWriter<Task<ChunkOutcome>> queue, CancellationToken cancellationToken)
    {
        // A regular record always fits this much (3 UTF-8 bytes per UTF-16 character at most); a chunk that
        // grows past it without a boundary holds an irregular quote or a record over the limit.
        var maxChunk = settings.ChunkBytes + maxRecordBytes + 16;
        var buffer = ArrayPool<byte>.Shared.Rent(settings.ChunkBytes);
        var filled = 0;
        var line = layout.FirstLine;
        var offset = (long)layout.SkipBytes;
        Exception? failure = null;
        try
        {
            await SkipAsync(buffer, cancellationToken).ConfigureAwait(false);
            var end = false;
            while (true)
            {
                while (!end && filled < buffer.Length)
                {
                    var read = await content.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                    end = read == 0;
                    filled += read;
                }

                if (end && filled == 0)
                {
                    break;
                }

                var raw = _raw;
                var cut = end || raw ? filled : layout.QuotedFields ? LastBoundary(buffer.AsSpan(0, filled)) : LastLineFeed(buffer.AsSpan(0, filled));
                if (cut < 0)
                {
                    if (buffer.Length < maxChunk)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxChunk));
                        buffer.AsSpan(0, filled).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                        continue;
                    }

                    (cut, raw) = (filled, true);
                    _raw = true;
                }

                var rest = ArrayPool<byte>.Shared.Rent(Math.Max(settings.ChunkBytes, filled - cut));
                buffer.AsSpan(cut, filled - cut).CopyTo(rest);
                var chunk = new ExportChunk(buffer, cut, line, offset, Final: end && cut == filled, Raw: raw);
                offset += cut;
                (buffer, filled) = (rest, filled - cut);
                if (!raw)
                {
                    line += chunk.Memory.Span.Count((byte)'\n');
                }

                await queue.WriteAsync(raw ? Task.FromResult(ChunkOutcome.Irregular(chunk)) : Task.Run(() => parse(chunk), CancellationToken.None), cancellationToken).ConfigureAwait(false);
                if (chunk.Final)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The reader of the rows stopped early; nothing more is wanted.
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        ArrayPool<byte>.Shared.Return(buffer);
        try
        {
            if (failure is not null)
            {
                await queue.WriteAsync(Task.FromException<ChunkOutcome>(failure), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // As above.
        }
        finally
        {
            queue.TryComplete();
        }
    }

    /// <summary>Position after the last line feed outside quotes, or -1 when there is none.</summary>
    internal static int LastBoundary(ReadOnlySpan<byte> bytes)
    {
        var quotes = bytes.Count((byte)'"');
        var end = bytes.Length;
        while (true)
        {
            var lineFeed = bytes[..end].LastIndexOf((byte)'\n');
            if (lineFeed < 0)
            {
                return -1;
            }

            quotes -= bytes[lineFeed..end].Count((byte)'"');
            if ((quotes & 1) == 0)
            {
                return lineFeed + 1;
            }

            end = lineFeed;
        }
    }

    /// <summary>Position after the last line feed, or -1 when there is none.</summary>
    internal static int LastLineFeed(ReadOnlySpan<byte> bytes)
    {
        var lineFeed = bytes.LastIndexOf((byte)'\n');
        return lineFeed < 0 ? -1 : lineFeed + 1;
    }

    private async Task SkipAsync(byte[] scratch, CancellationToken cancellationToken)
    {
        var left = layout.SkipBytes;
        while (left > 0)
        {
            var read = await content.ReadAsync(scratch.AsMemory(0, Math.Min(left, scratch.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            left -= read;
        }
    }
}
