using System.Text;

namespace Segments.Core.Events;

/// <summary>
/// Reads lines (ended by <c>\n</c> or <c>\r\n</c>, as JSON Lines allows) keeping at most the record limit of each
/// in memory: an over-long line is counted and skipped, not buffered, so one absurd line can neither exhaust memory
/// nor stop the file — it becomes a row error and the next line is read.
/// </summary>
internal sealed class BoundedLineReader(TextReader text, int maxChars)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;
    private bool _ended;

    /// <summary>The next line: its text (null when longer than the limit) and its length; false at the end.</summary>
    public async ValueTask<(bool Read, string? Line, long Length)> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        long length = 0;
        var any = false;
        var last = '\0';
        while (true)
        {
            if (_start == _end)
            {
                if (_ended || (_end = await text.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) == 0)
                {
                    _ended = true;
                    _start = _end = 0;
                    break;
                }

                _start = 0;
            }

            any = true;
            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf('\n');
            var chunk = newline < 0 ? span : span[..newline];

            // One character past the limit is kept so that a line ending in "\r" right at the limit still fits.
            var room = maxChars + 1 - _line.Length;
            if (room > 0)
            {
                _line.Append(chunk[..Math.Min(room, chunk.Length)]);
            }

            length += chunk.Length;
            last = chunk.IsEmpty ? last : chunk[^1];
            _start += newline < 0 ? span.Length : newline + 1;
            if (newline >= 0)
            {
                break;
            }
        }

        if (!any)
        {
            return (false, null, 0);
        }

        if (last == '\r')
        {
            if (_line.Length == length)
            {
                _line.Length--;
            }

            length--;
        }

        return (true, length <= maxChars ? _line.ToString() : null, length);
    }

    /// <summary>The kept beginning of the last line, for an error report.</summary>
    public string Beginning => _line.ToString();
}
