namespace Segments.Core.Ingest.Records;

/// <summary>
/// Sits between the decoded text of a delimited file and Sylvan, and keeps every record Sylvan sees within
/// its buffer: a record longer than the limit is passed on cut short (just over the limit, so that the record
/// source reports it as that row's error) and the rest of it is dropped up to its end, so one absurd record
/// costs its row, never the file, and never unbounded memory. Record ends are found by Sylvan's rules: a
/// line feed outside quotes, a quote opening a quoted field only at the start of a field, a doubled quote
/// inside one. A quoted field still open at the end of the file is left for Sylvan to refuse. The header
/// (the first record) over the limit refuses the file.
/// </summary>
internal sealed class RecordLimitingReader(TextReader inner, int maxRecordChars, long firstDataLine) : TextReader
{
    // Sylvan's delimiter candidates, in its order: ties go to the earlier one (as CsvHeaderProbe).
    private const string Candidates = ",\t;|";

    private readonly char[] _in = new char[1 << 16];
    private readonly int[] _candidateCounts = new int[Candidates.Length];
    private readonly Queue<(long Line, long Breaks)> _cuts = new();

    // A record is passed on up to this many characters: over the limit even when its last passed
    // character is the CR of a CRLF that the record source does not count.
    private readonly long _passed = (long)maxRecordChars + 2;

    private int _pos;
    private int _len;
    private bool _end;
    private bool _header = true;
    private char _delimiter = ',';
    private long _line = 1;
    private long _recordLine = 1;
    private long _recordChars;
    private bool _quoted;
    private bool _quoteSeen;
    private char _previous = '\n';
    private bool _dropping;
    private bool _cutQuoted;
    private long _droppedBreaks;
    private string _pending = string.Empty;
    private bool _headerCr;
    private bool _passThrough;

    /// <summary>
    /// Line breaks dropped from the record that starts on <paramref name="line"/> when it was cut short, else 0;
    /// asked in file order, once per record found over the limit.
    /// </summary>
    public long DroppedLineBreaks(long line)
    {
        while (_cuts.TryPeek(out var cut) && cut.Line < line)
        {
            _cuts.Dequeue();
        }

        return _cuts.TryPeek(out var found) && found.Line == line ? _cuts.Dequeue().Breaks : 0;
    }

    /// <inheritdoc />
    public override int Read(Span<char> buffer)
    {
        while (true)
        {
            var written = Transform(buffer);
            if (written > 0 || buffer.IsEmpty || (_end && _pos == _len && _pending.Length == 0))
            {
                return written;
            }

            Fill(inner.Read(_in));
        }
    }

    /// <inheritdoc />
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var written = Transform(buffer.Span);
            if (written > 0 || buffer.IsEmpty || (_end && _pos == _len && _pending.Length == 0))
            {
                return written;
            }

            Fill(await inner.ReadAsync(_in, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

    /// <inheritdoc />
    public override int Peek() => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Fill(int read)
    {
        (_pos, _len) = (0, read);
        if (read > 0)
        {
            return;
        }

        _end = true;
        if (_dropping)
        {
            // The file ends inside the long record: it ends there, unclosed quote and all (Sylvan says so).
            _cuts.Enqueue((_recordLine, _droppedBreaks));
            _dropping = false;
        }
    }

    /// <summary>Moves characters from the input buffer to <paramref name="output"/>; the number written.</summary>
    private int Transform(Span<char> output)
    {
        var written = 0;
        while (written < output.Length)
        {
            if (_pending.Length > 0)
            {
                var n = Math.Min(_pending.Length, output.Length - written);
                _pending.AsSpan(0, n).CopyTo(output[written..]);
                _pending = _pending[n..];
                written += n;
                continue;
            }

            if (_pos == _len)
            {
                break;
            }

            if (_passThrough)
            {
                var n = Math.Min(_len - _pos, output.Length - written);
                _in.AsSpan(_pos, n).CopyTo(output[written..]);
                (_pos, written) = (_pos + n, written + n);
                continue;
            }

            written += Step(output[written..]);
        }

        return written;
    }

    /// <summary>Handles the next run of input (at most what fits in <paramref name="output"/>); the number written.</summary>
    private int Step(Span<char> output)
    {
        var input = _in.AsSpan(_pos, _len - _pos);
        int written;
        if (_quoted)
        {
            if (_quoteSeen)
            {
                if (input[0] == '"')
                {
                    // A doubled quote: still inside the field.
                    if (Take(input[..1], output, out written) == 1)
                    {
                        _quoteSeen = false;
                    }

                    return written;
                }

                // The quote before closed the field; this character is read outside it.
                (_quoted, _quoteSeen) = (false, false);
            }
            else
            {
                var quote = input.IndexOf('"');
                if (Take(quote < 0 ? input : input[..(quote + 1)], output, out written) == quote + 1 && quote >= 0)
                {
                    _quoteSeen = true;
                }

                return written;
            }
        }

        if (!_header && !_dropping && TakeRecords(input, output) is > 0 and var taken)
        {
            return taken;
        }

        var c = input[0];
        if (_header && (_headerCr || c == '\r') && LineEndsWithBareCr(input))
        {
            // Records end at a bare CR (old Mac line ends), which Sylvan follows from the header on: such a file
            // is passed on as it is, and a record over the limit is left to Sylvan (which refuses the file).
            _passThrough = true;
            return 0;
        }

        if (c == '\n')
        {
            return EndRecord();
        }

        if (c == '"' && (_previous == _delimiter || _previous == '\n'))
        {
            if (Take(input[..1], output, out written) == 1)
            {
                _quoted = true;
            }

            return written;
        }

        var stop = _header ? input[1..].IndexOfAny('"', '\n', '\r') : input[1..].IndexOfAny('"', '\n');
        Take(stop < 0 ? input : input[..(stop + 1)], output, out written);
        return written;
    }

    /// <summary>
    /// In the header, at a CR outside quotes (or just after one that ended a read): true when it is not followed by
    /// a line feed. A CR at the end of a read is passed on and decided on by the next character.
    /// </summary>
    private bool LineEndsWithBareCr(ReadOnlySpan<char> input)
    {
        if (_headerCr)
        {
            _headerCr = false;
            return input[0] != '\n';
        }

        if (input.Length == 1)
        {
            _headerCr = true;
            return false;
        }

        return input[1] != '\n';
    }

    /// <summary>
    /// The common case at one copy per read: the text up to the next quote, whole records and all, when the
    /// record it continues cannot go over the limit within it (every record in it is then shorter still). Returns
    /// the characters passed, or 0 when the careful path must take the next step.
    /// </summary>
    private int TakeRecords(ReadOnlySpan<char> input, Span<char> output)
    {
        var quote = input.IndexOf('"');
        var run = (quote < 0 ? input : input[..quote])[..Math.Min(quote < 0 ? input.Length : quote, output.Length)];
        if (run.Length < 2 || _recordChars + run.Length > maxRecordChars)
        {
            return 0;
        }

        run.CopyTo(output);
        var lastBreak = run.LastIndexOf('\n');
        if (lastBreak < 0)
        {
            _recordChars += run.Length;
        }
        else
        {
            _line += run.Count('\n');
            (_recordLine, _recordChars) = (_line, run.Length - lastBreak - 1);
        }

        _previous = run[^1];
        _pos += run.Length;
        return run.Length;
    }

    /// <summary>
    /// Passes (or, in a record being dropped, skips) a run of characters that holds no record end; returns how
    /// many were consumed (0 when the record has just gone over the limit and is dropped from here on).
    /// </summary>
    private int Take(ReadOnlySpan<char> run, Span<char> output, out int written)
    {
        written = 0;
        if (_dropping)
        {
            _droppedBreaks += run.Count('\n');
            return Consumed(run, run.Length);
        }

        var room = _header ? run.Length : (int)Math.Min(run.Length, _passed - _recordChars);
        if (room == 0)
        {
            // The record goes over the limit here: what was passed stands for it, the rest is dropped. A quoted
            // field left open needs a closing quote, unless the last character passed was a quote that closes it.
            _dropping = true;
            _cutQuoted = _quoted && !_quoteSeen;
            _droppedBreaks = 0;
            return 0;
        }

        var n = Math.Min(room, output.Length);
        var passed = run[..n];
        passed.CopyTo(output);
        _line += passed.Count('\n');
        if (_header)
        {
            for (var i = 0; i < Candidates.Length; i++)
            {
                _candidateCounts[i] += passed.Count(Candidates[i]);
            }

            if (_recordChars + n > maxRecordChars)
            {
                throw new ExportRejectedException($"the header (line 1) is longer than the {maxRecordChars:N0}-character limit for one record (setting Segments:Ingest:MaxRecordChars)");
            }
        }

        written = n;
        return Consumed(run, n);
    }

    private int Consumed(ReadOnlySpan<char> run, int consumed)
    {
        if (consumed > 0)
        {
            _previous = run[consumed - 1];
            _recordChars += consumed;
            _pos += consumed;
        }

        return consumed;
    }

    /// <summary>A line feed outside quotes: the record ends (after the closing quote a cut record needs).</summary>
    private int EndRecord()
    {
        _pos++;
        if (_header)
        {
            _header = false;
            var best = 0;
            for (var i = 1; i < Candidates.Length; i++)
            {
                best = _candidateCounts[i] > _candidateCounts[best] ? i : best;
            }

            _delimiter = Candidates[best];
            _line = firstDataLine;
        }
        else
        {
            _line++;
        }

        var wasDropping = _dropping;
        if (_dropping)
        {
            _cuts.Enqueue((_recordLine, _droppedBreaks));
            _line += _droppedBreaks;
            _dropping = false;
        }

        (_recordLine, _recordChars, _previous) = (_line, 0, '\n');
        _pending = wasDropping && _cutQuoted ? "\"\n" : "\n";
        return 0;
    }
}
