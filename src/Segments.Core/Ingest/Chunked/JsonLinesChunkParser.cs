using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Unicode;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Ingest.Records;

namespace Segments.Core.Ingest.Chunked;

/// <summary>
/// Parses and maps one chunk of a JSON Lines file, on any thread: each line through the same
/// <see cref="JsonLineRecord.Read"/> as the sequential reader, blank lines passed over as it does. Lines are ended
/// by LF or CRLF; a bare CR (which the sequential reader's ReadLine also takes for a line end) or bytes that are
/// not UTF-8 make the chunk irregular, and the sequential reader takes the file over from there.
/// </summary>
internal sealed class JsonLinesChunkParser(IReadOnlyList<string> columns, int maxRecordChars, Func<RecurringStrings, RowMapper> newMapper, Func<RecurringStrings> newStrings)
{
    // One record and string cache per worker at a time, kept from chunk to chunk of this file.
    private readonly ConcurrentBag<(JsonLineRecord Record, RecurringStrings Strings)> _kept = [];

    /// <summary>The chunk's rows in file order, or an irregular outcome.</summary>
    public ChunkOutcome Parse(ExportChunk chunk)
    {
        if (chunk.Raw)
        {
            return ChunkOutcome.Irregular(chunk);
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxCharCount(chunk.Length)));
        try
        {
            if (Utf8.ToUtf16(chunk.Bytes.AsSpan(0, chunk.Length), chars, out _, out var length, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                return ChunkOutcome.Irregular(chunk);
            }

            var rows = ArrayPool<ParsedRow>.Shared.Rent(Math.Max(16, chunk.Length / 64));
            var kept = _kept.TryTake(out var reused) ? reused : (Record: new JsonLineRecord(columns), Strings: newStrings());
            int count;
            try
            {
                count = ParseLines(chars.AsMemory(0, length), chunk, ref rows, kept.Record, newMapper(kept.Strings));
            }
            finally
            {
                _kept.Add(kept);
            }

            if (count < 0)
            {
                ArrayPool<ParsedRow>.Shared.Return(rows, clearArray: true);
                return ChunkOutcome.Irregular(chunk);
            }

            return ChunkOutcome.Parsed(chunk, rows, count);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Rows found, or -1 when the chunk is not regular.</summary>
    private int ParseLines(ReadOnlyMemory<char> text, ExportChunk chunk, ref ParsedRow[] rows, JsonLineRecord record, RowMapper mapper)
    {
        var span = text.Span;
        var line = chunk.FirstLine;
        var count = 0;
        var pos = 0;
        while (pos < span.Length)
        {
            var lineFeed = span[pos..].IndexOf('\n');
            if (lineFeed < 0 && !chunk.Final)
            {
                return -1;
            }

            var end = lineFeed < 0 ? span.Length : pos + lineFeed;
            var next = lineFeed < 0 ? span.Length : end + 1;
            if (lineFeed >= 0 && end > pos && span[end - 1] == '\r')
            {
                end--;
            }

            var content = text[pos..end];
            if (content.Span.Contains('\r'))
            {
                return -1;
            }

            if (!content.Span.IsWhiteSpace())
            {
                if (count == rows.Length)
                {
                    var larger = ArrayPool<ParsedRow>.Shared.Rent(rows.Length * 2);
                    rows.AsSpan().CopyTo(larger);
                    ArrayPool<ParsedRow>.Shared.Return(rows, clearArray: true);
                    rows = larger;
                }

                rows[count++] = record.Read(content, line, maxRecordChars) is { } problem
                    ? ParsedRow.Reject(RowError.For(line, string.Empty, string.Empty, problem))
                    : ExportRecordRows.RowFor(record, line, columns.Count, mapper);
            }

            line++;
            pos = next;
        }

        return count;
    }
}
