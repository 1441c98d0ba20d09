namespace Segments.Core.Events;

/// <summary>Counting a file without keeping its events: what <c>segments validate --events</c> needs.</summary>
public sealed partial class EventLinesReader
{
    /// <summary>Lines of a block below which splitting it across cores costs more than it saves.</summary>
    private const int MinParallelLines = 1024;

    /// <summary>
    /// Counts the lines of UTF-8 <paramref name="utf8"/> as <see cref="ReadAsync(Stream, CancellationToken)"/> reads
    /// them (the same blocks, the same rules, the same errors) without building events: a Segment message is checked
    /// on its bytes by <see cref="SegmentMessageCounter"/>, allocating nothing, and only a line it is unsure of (any
    /// line that may be rejected, any GA4 row) is read on the full path. Each block is split across
    /// <see cref="EventReadOptions.MaxDegreeOfParallelism"/> cores while the next is read. The stream stays open.
    /// </summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="maxErrorsKept">How many of the first rejected lines to keep (the rest are counted).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<EventLineCounts> CountAsync(Stream utf8, int maxErrorsKept, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        var blocks = new Utf8LineBlockReader(utf8, options.MaxRecordChars);
        var total = new EventLineTally(maxErrorsKept);
        var parallelism = Math.Max(1, options.MaxDegreeOfParallelism);

        // More parts than cores, so that a core that finishes early (or was lent to another process) takes another.
        var parts = Enumerable.Range(0, parallelism * 4).Select(_ => new EventLineTally(maxErrorsKept)).ToArray();
        var latestTicks = (options.Now + options.MaxFutureSkew).UtcTicks;
        var next = blocks.ReadAsync(cancellationToken).AsTask();
        while (await next.ConfigureAwait(false) is { } block)
        {
            using (block)
            {
                next = blocks.ReadAsync(cancellationToken).AsTask();
                var lines = block.Lines;

                // Lines up to the one that fixes the dialect are read in order, since detection depends on it.
                var first = 0;
                for (; first < lines.Count && Dialect is null; first++)
                {
                    total.Add(Read(block, lines[first]));
                }

                var remaining = lines.Count - first;
                if (parallelism == 1 || remaining < MinParallelLines)
                {
                    Count(block, first, lines.Count, latestTicks, total);
                    continue;
                }

                Parallel.For(0, parts.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, part =>
                    Count(block, first + (int)((long)remaining * part / parts.Length), first + (int)((long)remaining * (part + 1) / parts.Length), latestTicks, parts[part]));
                foreach (var part in parts)
                {
                    total.Drain(part);
                }
            }
        }

        return total.ToCounts(Dialect);
    }

    /// <summary>Counts lines [<paramref name="start"/>, <paramref name="end"/>) of a block into <paramref name="tally"/>.</summary>
    private void Count(LineBlock block, int start, int end, long latestTicks, EventLineTally tally)
    {
        var lines = block.Lines;
        var segment = Dialect == EventDialect.Segment;
        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            if (segment && line.OverlongChars == 0 && line.Length <= options.MaxRecordChars
                && SegmentMessageCounter.TryAccept(block.Bytes(line).Span, latestTicks, out var kind))
            {
                tally.Accept(kind);
            }
            else
            {
                tally.Add(Read(block, line));
            }
        }
    }
}
