using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Segments.Core.Ingest;
using Segments.Core.Transactions;

namespace Segments.Core.Events;

/// <summary>
/// Reads an events JSON Lines file line by line: each line is parsed on its own (one <see cref="JsonDocument"/> at a
/// time), so a bad line becomes a <see cref="RowError"/> with its line number and the rest of the file goes on.
/// </summary>
public sealed class EventLinesReader(CustomerIdPolicy customers, EventReadOptions options)
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
                yield return Rejected(number, string.Empty, lines.Beginning, $"is {length.ToString("N0", CultureInfo.InvariantCulture)} characters long, over the {options.MaxRecordChars.ToString("N0", CultureInfo.InvariantCulture)}-character limit for one record");
            }
            else if (!string.IsNullOrWhiteSpace(line))
            {
                yield return Read(number, line);
            }
        }
    }

    /// <summary>Reads every line of UTF-8 <paramref name="utf8"/> (a BOM is skipped), in order; the stream stays open.</summary>
    public IAsyncEnumerable<EventLine> ReadAsync(Stream utf8, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        return ReadAsync(new StreamReader(utf8, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true), cancellationToken);
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
            var root = document.RootElement;
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
    }

    private static EventDialect? Detect(JsonElement root) =>
        root.TryGetProperty("event_name", out _) ? EventDialect.Ga4
        : root.TryGetProperty("type", out _) ? EventDialect.Segment
        : null;

    private static EventLine Rejected(long number, string column, string value, string reason) =>
        new(number, null, RowError.For(number, column, value, reason));
}
