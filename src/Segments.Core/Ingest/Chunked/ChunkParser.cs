using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Unicode;
using Segments.Core.Ingest.Mappings;

namespace Segments.Core.Ingest.Chunked;

/// <summary>
/// Parses and maps one chunk of a delimited file, on any thread. It reads only the regular subset of CSV on
/// which every parser agrees: fields either unquoted (no quote, CR or line break in them) or quoted from
/// their first to their last character (doubled quotes inside; line breaks allowed), records ended by LF or
/// CRLF, no bare CR outside quotes, no blank line, no record over the length limit. Anything else makes the chunk irregular: the file is then
/// read on from that chunk by the sequential parser, which owns every other case and its exact errors.
/// </summary>
internal sealed class ChunkParser(char delimiter, int expectedFields, int maxRecordChars, Func<RecurringStrings, RowMapper> newMapper, Func<RecurringStrings> newStrings)
{
    private static readonly Dictionary<char, SearchValues<char>> StopsByDelimiter = new()
    {
        [','] = SearchValues.Create(",\"\n\r"),
        ['\t'] = SearchValues.Create("\t\"\n\r"),
        [';'] = SearchValues.Create(";\"\n\r"),
        ['|'] = SearchValues.Create("|\"\n\r"),
    };

    private readonly SearchValues<char> _stops = StopsByDelimiter[delimiter];

    // One string cache per worker at a time, kept from chunk to chunk of this file.
    private readonly ConcurrentBag<RecurringStrings> _strings = [];

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
            // The same transcoding as Encoding.UTF8.GetChars, but invalid bytes make the chunk irregular instead
            // of turning into U+FFFD: the sequential parser names them as row errors.
            if (Utf8.ToUtf16(chunk.Bytes.AsSpan(0, chunk.Length), chars, out _, out var length, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                return ChunkOutcome.Irregular(chunk);
            }

            var rows = ArrayPool<ParsedRow>.Shared.Rent(Math.Max(16, chunk.Length / 32));
            var count = ParseRecords(chars, length, chunk, ref rows);
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
    private int ParseRecords(char[] chars, int length, ExportChunk chunk, ref ParsedRow[] rows)
    {
        var record = new ChunkRecord();
        var strings = _strings.TryTake(out var kept) ? kept : newStrings();
        try
        {
            return ParseRecords(chars, length, chunk, ref rows, record, newMapper(strings));
        }
        finally
        {
            _strings.Add(strings);
        }
    }

    private int ParseRecords(char[] chars, int length, ExportChunk chunk, ref ParsedRow[] rows, ChunkRecord record, RowMapper mapper)
    {
        var text = chars.AsSpan(0, length);
        var line = chunk.FirstLine;
        var count = 0;
        var pos = 0;
        while (pos < length)
        {
            var start = pos;
            if (text[pos] is '\n' or '\r' or '\0')
            {
                // A blank line, a bare CR, or a NUL (Sylvan's "comment" character here): the sequential parser decides.
                return -1;
            }

            record.Reset(chars);
            var newlines = 0;
            int ending; // characters of the line break that ends the record: 0 at the end of the file, 1 or 2
            while (true)
            {
                if (pos == length)
                {
                    // After a delimiter at the very end of the file: an empty last field.
                    if (!chunk.Final)
                    {
                        return -1;
                    }

                    record.Add(pos, 0);
                    ending = 0;
                    break;
                }

                if (text[pos] == '"')
                {
                    var content = pos + 1;
                    var write = content;
                    var read = content;
                    while (true)
                    {
                        var quote = text[read..].IndexOf('"');
                        if (quote < 0)
                        {
                            return -1;
                        }

                        var at = read + quote;
                        var escaped = at + 1 < length && text[at + 1] == '"';
                        var segment = text[read..(escaped ? at + 1 : at)];
                        newlines += segment.Count('\n');
                        if (write != read)
                        {
                            segment.CopyTo(text[write..]);
                        }

                        write += segment.Length;
                        if (escaped)
                        {
                            read = at + 2;
                            continue;
                        }

                        record.Add(content, write - content);
                        pos = at + 1;
                        break;
                    }

                    if (pos == length)
                    {
                        if (!chunk.Final)
                        {
                            return -1;
                        }

                        ending = 0;
                        break;
                    }

                    var next = text[pos];
                    if (next == delimiter)
                    {
                        pos++;
                        continue;
                    }

                    if (next == '\n')
                    {
                        pos++;
                        ending = 1;
                        break;
                    }

                    if (next == '\r' && pos + 1 < length && text[pos + 1] == '\n')
                    {
                        pos += 2;
                        ending = 2;
                        break;
                    }

                    return -1;
                }

                var stop = text[pos..].IndexOfAny(_stops);
                if (stop < 0)
                {
                    if (!chunk.Final)
                    {
                        return -1;
                    }

                    record.Add(pos, length - pos);
                    pos = length;
                    ending = 0;
                    break;
                }

                var end = pos + stop;
                var c = text[end];
                if (c == delimiter)
                {
                    record.Add(pos, stop);
                    pos = end + 1;
                    continue;
                }

                if (c == '\n')
                {
                    record.Add(pos, stop);
                    pos = end + 1;
                    ending = 1;
                    break;
                }

                if (c == '\r' && end + 1 < length && text[end + 1] == '\n')
                {
                    record.Add(pos, stop);
                    pos = end + 2;
                    ending = 2;
                    break;
                }

                // A quote inside an unquoted field, or a bare CR: not regular.
                return -1;
            }

            if (pos - start - ending > maxRecordChars)
            {
                return -1;
            }

            if (count == rows.Length)
            {
                var larger = ArrayPool<ParsedRow>.Shared.Rent(rows.Length * 2);
                rows.AsSpan().CopyTo(larger);
                ArrayPool<ParsedRow>.Shared.Return(rows, clearArray: true);
                rows = larger;
            }

            rows[count++] = ExportRecordRows.RowFor(record, line, expectedFields, mapper);
            line += newlines + (ending > 0 ? 1 : 0);
        }

        return count;
    }
}
