using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Segments.Core.Ingest.Chunked;

/// <summary>
/// The rows of a delimited or JSON Lines file parsed in parallel: a splitter cuts the data into record-aligned chunks,
/// tasks parse and map them (one core each), and the rows come back here in file order, so that everything
/// downstream (row accounting, the first errors, the threshold, the normalised output) sees exactly the
/// sequence the sequential parser produces. When a chunk is not regular CSV, the sequential parser takes
/// over from that chunk to the end (<paramref name="readSequentially"/>, given the bytes to read (<paramref name="header"/>
/// again, then the rest), the
/// chunk they start with (its physical line and byte offset), and the line of the last row read before them). A failure of the stream
/// becomes an <see cref="ExportRejectedException"/> when <paramref name="fileLevelReason"/> names it, as on
/// the sequential path.
/// </summary>
internal sealed class ChunkedCsvRows(
    Stream content,
    byte[] header,
    ChunkedLayout layout,
    ChunkingSettings settings,
    int maxRecordChars,
    Func<ExportChunk, ChunkOutcome> parse,
    Func<Stream, ExportChunk, long, CancellationToken, IAsyncEnumerable<ParsedRow>> readSequentially,
    Func<Exception, long, string?> fileLevelReason)
{
    /// <summary>Every data row, in file order.</summary>
    public async IAsyncEnumerable<ParsedRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in ReadBatchesAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                yield return batch.Rows[i];
            }
        }
    }

    /// <summary>
    /// Every data row, in file order, a chunk's rows at a time: a consumer that walks the array saves copying
    /// each row (a large struct of references, so every copy to the heap is six write barriers) through an
    /// async iterator. After the hand-over to the sequential parser, batches hold one row each.
    /// </summary>
    public async IAsyncEnumerable<RowBatch> ReadBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<Task<ChunkOutcome>>(new BoundedChannelOptions(settings.Queued) { SingleReader = true, SingleWriter = true });
        var splitter = new ChunkSplitter(content, layout, settings, 3 * maxRecordChars, parse);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lastLine = 1L;
        var splitting = Task.Run(() => splitter.RunAsync(queue.Writer, stop.Token), CancellationToken.None);
        try
        {
            while (await queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!queue.Reader.TryRead(out var task))
                {
                    continue;
                }

                ChunkOutcome outcome;
                try
                {
                    outcome = await task.ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not ExportRejectedException && fileLevelReason(ex, lastLine + 1) is { } reason)
                {
                    throw new ExportRejectedException(reason, ex);
                }

                if (outcome.Rows is not { } rows)
                {
                    splitter.SwitchToRaw();
                    var rest = new ChunkSequenceStream(header, outcome.Chunk, queue.Reader);
                    await using (rest.ConfigureAwait(false))
                    {
                        var single = new ParsedRow[1];
                        await foreach (var row in readSequentially(rest, outcome.Chunk, lastLine, cancellationToken).ConfigureAwait(false))
                        {
                            single[0] = row;
                            yield return new RowBatch(single, 1);
                        }
                    }

                    yield break;
                }

                ArrayPool<byte>.Shared.Return(outcome.Chunk.Bytes);
                try
                {
                    if (outcome.Count > 0)
                    {
                        lastLine = rows[outcome.Count - 1].Line;
                        yield return new RowBatch(rows, outcome.Count, outcome.Folded, outcome.Counted);
                    }
                }
                finally
                {
                    // Only the rows written hold references: clearing the whole rented array (room for a
                    // chunk of short rows, about 2.5 times what a chunk fills) cost more than the rows.
                    rows.AsSpan(0, outcome.Count).Clear();
                    ArrayPool<ParsedRow>.Shared.Return(rows);
                }
            }
        }
        finally
        {
            // The caller owns the stream: the splitter must be done with it before this returns.
            await stop.CancelAsync().ConfigureAwait(false);
            while (queue.Reader.TryRead(out _))
            {
            }

            await splitting.ConfigureAwait(false);
        }
    }
}
