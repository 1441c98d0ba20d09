using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Segments.Core.Ingest;
using Segments.Core.Transactions;

namespace Segments.Core.Events;

/// <summary>
/// Reads an events JSON Lines file line by line: each line is parsed on its own (one <see cref="JsonDocument"/> at a
/// time), so a bad line becomes a <see cref="RowError"/> with its line number and the rest of the file goes on.
/// </summary>
public sealed partial class EventLinesReader(CustomerIdPolicy customers, EventReadOptions options)
{
    /// <summary>The dialect given, or detected from the first line that is a JSON object; null before that.</summary>
    public EventDialect? Dialect { get; private set; } = options.Dialect;

    /// <summary>Reads every line, in order.</summary>
    public async IAsyncEnumerable<EventLine> ReadAsync(TextReader text, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new BoundedLineReader(text, options.MaxRecordChars);
        long number = 0;
        while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) is (true, var line, var length))
        {
            number++;
            if (line is null)
            {
                yield return Overlong(number, length, lines.Beginning);
            }
            else if (!string.IsNullOrWhiteSpace(line))
            {
                yield return Read(number, line);
            }
        }
    }

    /// <summary>
    /// Reads every line of UTF-8 <paramref name="utf8"/> (a BOM is skipped), in order, as the
    /// <see cref="TextReader"/> overload does but from bytes: lines are split in pooled blocks of a few MiB, Segment
    /// messages are read with a <see cref="Utf8JsonReader"/> (no string per line, no DOM), and each block's lines are
    /// parsed 1,024 at a time on <see cref="EventReadOptions.MaxDegreeOfParallelism"/> cores while the next block is
    /// read. The
    /// <see cref="TextReader"/> overload stays the sequential reference; both give the same lines. The stream stays open.
    /// </summary>
    public async IAsyncEnumerable<EventLine> ReadAsync(Stream utf8, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        var blocks = new Utf8LineBlockReader(utf8, options.MaxRecordChars);
        var results = ArrayPool<EventLine>.Shared.Rent(BatchLines);
        try
        {
            var next = blocks.ReadAsync(cancellationToken).AsTask();
            while (await next.ConfigureAwait(false) is { } block)
            {
                using (block)
                {
                    next = blocks.ReadAsync(cancellationToken).AsTask();

                    // A block is parsed and handed out a batch at a time: the events of one batch are all that is
                    // alive at once, so few of them outlive a young-generation collection.
                    for (var start = 0; start < block.Lines.Count; start += BatchLines)
                    {
                        var count = Math.Min(BatchLines, block.Lines.Count - start);
                        ParseBatch(block, start, count, results, cancellationToken);
                        for (var i = 0; i < count; i++)
                        {
                            // A blank line has no result (line 0); it is skipped as the text path skips it.
                            if (results[i].Line > 0)
                            {
                                yield return results[i];
                            }
                        }

                        Array.Clear(results, 0, count);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<EventLine>.Shared.Return(results, clearArray: true);
        }
    }

    /// <summary>Lines parsed and handed out together on the byte path.</summary>
    private const int BatchLines = 1024;

    /// <summary>Parses lines [<paramref name="start"/>, +<paramref name="count"/>) of a block into <paramref name="results"/>, on several cores when it pays.</summary>
    private void ParseBatch(LineBlock block, int start, int count, EventLine[] results, CancellationToken cancellationToken)
    {
        var lines = block.Lines;

        // Lines up to the one that fixes the dialect are read in order, since detection depends on it.
        var first = 0;
        for (; first < count && Dialect is null; first++)
        {
            results[first] = Read(block, lines[start + first]);
        }

        var parallelism = Math.Max(1, options.MaxDegreeOfParallelism);
        var remaining = count - first;
        if (parallelism == 1 || remaining < 256)
        {
            for (var i = first; i < count; i++)
            {
                results[i] = Read(block, lines[start + i]);
            }

            return;
        }

        var parts = parallelism * 2;
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, part =>
        {
            var end = first + (int)((long)remaining * (part + 1) / parts);
            for (var i = first + (int)((long)remaining * part / parts); i < end; i++)
            {
                results[i] = Read(block, lines[start + i]);
            }
        });
    }

    /// <summary>Reads a whole file into memory: for tests, the CLI's validation and small files.</summary>
    public async Task<EventFileResult> ReadAllAsync(TextReader text, CancellationToken cancellationToken = default)
    {
        var events = new List<BehaviourEvent>();
        var errors = new List<RowError>();
        await foreach (var line in ReadAsync(text, cancellationToken).ConfigureAwait(false))
        {
            if (line.Event is not null)
            {
                events.Add(line.Event);
            }
            else
            {
                errors.Add(line.Error!);
            }
        }

        return new EventFileResult(Dialect, events, errors);
    }

    private EventLine Read(long number, string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return Rejected(number, string.Empty, line, $"is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            return Interpret(number, document.RootElement, line);
        }
    }

    /// <summary>One line of a block: an over-long line's error, nothing for a blank line, else the line read from its bytes.</summary>
    private EventLine Read(LineBlock block, BlockLine line)
    {
        if (line.OverlongChars > 0)
        {
            return Overlong(line.Number, line.OverlongChars, Text(line.Beginning));
        }

        var bytes = block.Bytes(line);
        if (IsBlank(bytes.Span))
        {
            return default;
        }

        if (bytes.Length > options.MaxRecordChars && Encoding.UTF8.GetCharCount(bytes.Span) is var chars && chars > options.MaxRecordChars)
        {
            return Overlong(line.Number, chars, Text(bytes.Span[..Math.Min(bytes.Length, Utf8LineBlockReader.BeginningBytes)]));
        }

        if (Dialect == EventDialect.Segment)
        {
            var fields = SegmentMessageScanner.Scan(bytes.Span, (options.Now + options.MaxFutureSkew).UtcTicks, out var jsonError, out var notObject);
            if (fields is null)
            {
                return Rejected(line.Number, string.Empty, Beginning(bytes.Span), jsonError is null ? "is not a JSON object" : $"is not valid JSON: {jsonError}");
            }

            var outcome = SegmentMessageParser.Parse(fields, customers, options);
            return outcome.Event is { } read ? new EventLine(line.Number, read, null) : Rejected(line.Number, outcome.Column, outcome.Value, outcome.Reason);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            return Rejected(line.Number, string.Empty, Beginning(bytes.Span), $"is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            return Interpret(line.Number, document.RootElement, Beginning(bytes.Span));
        }
    }

    /// <summary>A line read into a DOM: rejected unless an object of the file's dialect (detected from it when not yet known).</summary>
    private EventLine Interpret(long number, JsonElement root, string line)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Rejected(number, string.Empty, line, "is not a JSON object");
        }

        Dialect ??= Detect(root);
        var outcome = Dialect switch
        {
            EventDialect.Segment => SegmentMessageParser.Parse(root, customers, options),
            EventDialect.Ga4 => Ga4RowParser.Parse(root, customers, options),
            _ => EventParseOutcome.Wrong(string.Empty, line, "is neither a Segment message (no 'type') nor a GA4 export row (no 'event_name')"),
        };
        return outcome.Event is { } read ? new EventLine(number, read, null) : Rejected(number, outcome.Column, outcome.Value, outcome.Reason);
    }

    private EventLine Overlong(long number, long length, string beginning) =>
        Rejected(number, string.Empty, beginning.Length > options.MaxRecordChars ? beginning[..(options.MaxRecordChars + 1)] : beginning, $"is {length.ToString("N0", CultureInfo.InvariantCulture)} characters long, over the {options.MaxRecordChars.ToString("N0", CultureInfo.InvariantCulture)}-character limit for one record");

    /// <summary>Whether a line holds only white space (decoded only when it has non-ASCII bytes).</summary>
    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b >= 0x80)
            {
                return string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(bytes));
            }

            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A line's beginning as text for an error report (which keeps <see cref="RowError.MaxValueLength"/> characters).</summary>
    private static string Beginning(ReadOnlySpan<byte> bytes) => Text(bytes[..Math.Min(bytes.Length, Utf8LineBlockReader.BeginningBytes)]);

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    private static EventDialect? Detect(JsonElement root) =>
        root.TryGetProperty("event_name", out _) ? EventDialect.Ga4
        : root.TryGetProperty("type", out _) ? EventDialect.Segment
        : null;

    private static EventLine Rejected(long number, string column, string value, string reason) =>
        new(number, null, RowError.For(number, column, value, reason));
}
