using System.Text;
using Segments.Core.Ingest;
using Segments.Core.Ingest.Records;
using Segments.Core.Transactions;

namespace Segments.Core.Events;

/// <summary>
/// Reads one events export (Segment spec or GA4 rows, JSON Lines, plain or gzip) to the end with the container
/// handling and limits of every export (<see cref="ExportInput"/>: gzip from the magic bytes, size and expansion
/// limits, content hash), hands accepted events and line errors to the caller, and decides whether the file as a
/// whole is accepted by the same bad-row threshold as order exports.
/// </summary>
public sealed class EventExportProcessor(IngestOptions options)
{
    /// <summary>
    /// Streams <paramref name="stream"/>; <paramref name="now"/> is the reading time against which far-future
    /// timestamps are judged. When the report says the file is rejected, the caller must discard what it was given.
    /// The report's mapping is the dialect read (<c>segment</c> or <c>ga4</c>).
    /// </summary>
    public async Task<IngestReport> ProcessAsync(
        Stream stream,
        ExportSource file,
        DateTimeOffset now,
        Func<BehaviourEvent, ValueTask> onAccepted,
        Func<RowError, ValueTask> onRejected,
        CancellationToken cancellationToken)
    {
        PreparedExport? prepared;
        string? rejection;
        try
        {
            (prepared, rejection) = await ExportInput.PrepareAsync(stream, file, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ExportInput.FileLevelReason(ex, line: 1) is { } reason)
        {
            (prepared, rejection) = (null, reason);
        }

        if (prepared is null)
        {
            return IngestReport.Unread(rejection);
        }

        var reader = new EventLinesReader(new CustomerIdPolicy(options), new EventReadOptions { MaxRecordChars = options.MaxRecordChars, Now = now });
        var feed = new ExportRowFeed<BehaviourEvent>(onAccepted, onRejected);
        using var text = new StreamReader(prepared.Content, prepared.Encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var failure = await feed.ReadToEndAsync(
            async () =>
            {
                await foreach (var line in reader.ReadAsync(text, cancellationToken).ConfigureAwait(false))
                {
                    await (line.Event is { } read
                        ? feed.AddAsync(RowStatus.Accepted, read, null)
                        : feed.AddAsync(RowStatus.Rejected, null, line.Error)).ConfigureAwait(false);
                }
            },
            options.MaxRejectedFraction,
            ExportInput.FileLevelReason).ConfigureAwait(false);
        return feed.Report(DialectName(reader.Dialect), prepared.Gzip ? "jsonl+gzip" : "jsonl", failure);
    }

    /// <summary>The name a dialect is recorded under in the Batches ledger's mapping column.</summary>
    public static string? DialectName(EventDialect? dialect) => dialect switch
    {
        EventDialect.Segment => "segment",
        EventDialect.Ga4 => "ga4",
        _ => null,
    };
}
