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
            return new IngestReport(null, null, 0, 0, 0, 0, [], rejection);
        }

        var reader = new EventLinesReader(new CustomerIdPolicy(options), new EventReadOptions { MaxRecordChars = options.MaxRecordChars, Now = now });
        var tally = new RowTally(ExportProcessor.ErrorsKept);
        string? failure = null;
        using var text = new StreamReader(prepared.Content, prepared.Encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        try
        {
            await foreach (var line in reader.ReadAsync(text, cancellationToken).ConfigureAwait(false))
            {
                if (line.Event is { } read)
                {
                    tally.Count(RowStatus.Accepted, null);
                    await onAccepted(read).ConfigureAwait(false);
                }
                else
                {
                    tally.Count(RowStatus.Rejected, line.Error);
                    await onRejected(line.Error!).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ExportInput.FileLevelReason(ex, tally.Read + 1) is { } reason)
        {
            failure = $"{reason} (after {tally.Read:N0} rows)";
        }

        failure ??= ExportProcessor.Verdict(tally, options.MaxRejectedFraction);
        return new IngestReport(DialectName(reader.Dialect), prepared.Gzip ? "jsonl+gzip" : "jsonl", tally.Read, tally.Accepted, tally.Skipped, tally.Rejected, tally.FirstErrors, failure);
    }

    /// <summary>The name a dialect is recorded under in the Batches ledger's mapping column.</summary>
    public static string? DialectName(EventDialect? dialect) => dialect switch
    {
        EventDialect.Segment => "segment",
        EventDialect.Ga4 => "ga4",
        _ => null,
    };
}
