using Microsoft.Extensions.Logging;
using Segments.Core.Cost;
using Segments.Core.Ingest;
using Segments.Core.Transactions;
using Segments.Pipeline.Cost;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.Metering;

namespace Segments.Pipeline.Ingest;

/// <summary>
/// The blob-triggered use case: reads one uploaded export as a stream, writes its accepted rows as a
/// normalised batch, its rejected rows to an error report, and records the outcome in the Batches ledger.
/// </summary>
public sealed partial class IngestBatchHandler(
    ExportContextLoader contexts,
    DropZone dropZone,
    BatchLedger ledger,
    NormalizedBatchStore normalized,
    ErrorReportStore errorReports,
    CostAccounting costs,
    TimeProvider time,
    ILogger<IngestBatchHandler> logger)
{
    /// <summary>The one stage an ingestion is measured and priced as.</summary>
    public const string Stage = "ingest";

    /// <summary>
    /// Ingests one blob version. Idempotent: a version already in the ledger is returned as it is, and
    /// content identical to an accepted batch is recorded as a duplicate that contributes nothing. The
    /// ledger row records what the ingestion used and what that cost.
    /// </summary>
    public async Task<BatchRecord> IngestAsync(DroppedBlob blob, CancellationToken cancellationToken)
    {
        var meter = UsageMeter.Start(Stage, time);
        (BatchRecord Record, CostRates? Rates) ingested;
        using (meter)
        {
            ingested = await IngestMeteredAsync(blob, cancellationToken).ConfigureAwait(false);
        }

        if (ingested.Rates is not { } rates)
        {
            return ingested.Record;
        }

        // The outcome was saved inside the measurement; this second write adds what it cost, and is the one
        // request of the ingestion that its cost leaves out (a single Table transaction).
        var usage = meter.Stop();
        var record = ingested.Record with { Usage = usage, CostUsd = costs.Price(usage, rates) };
        await ledger.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        LogIngested(blob.Name, record.Status, record.RowsRead, record.RowsAccepted, record.RowsSkipped, record.RowsRejected, record.Reason ?? string.Empty);
        return record;
    }

    /// <summary>The ingestion itself; no rates when the version was already in the ledger.</summary>
    private async Task<(BatchRecord Record, CostRates? Rates)> IngestMeteredAsync(DroppedBlob blob, CancellationToken cancellationToken)
    {
        var previous = await ledger.GetAsync(blob.Name, cancellationToken).ConfigureAwait(false);
        if (previous is not null && previous.ETag == blob.ETag && previous.Status != BatchStatus.Failed)
        {
            return (previous, null);
        }

        var rates = await costs.LoadRatesAsync(cancellationToken).ConfigureAwait(false);
        var receivedAt = time.GetUtcNow();
        var record = await ReadAsync(blob, receivedAt, cancellationToken).ConfigureAwait(false);
        record = await ResolveDuplicateAsync(record, previous, cancellationToken).ConfigureAwait(false);
        await ledger.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        await RemoveSupersededAsync(previous, record, cancellationToken).ConfigureAwait(false);
        return (record, rates);
    }

    /// <summary>
    /// Records a failed attempt and counts it; at <paramref name="maxAttempts"/> the batch is marked poison,
    /// and the trigger sets it aside.
    /// </summary>
    public async Task<BatchRecord> RecordFailureAsync(DroppedBlob blob, Exception error, int maxAttempts, CancellationToken cancellationToken)
    {
        var previous = await ledger.GetAsync(blob.Name, cancellationToken).ConfigureAwait(false);
        var attempts = previous is not null && previous.ETag == blob.ETag ? previous.Attempts + 1 : 1;
        var record = new BatchRecord
        {
            BlobName = blob.Name,
            ETag = blob.ETag,
            Status = attempts >= maxAttempts ? BatchStatus.Poison : BatchStatus.Failed,
            Reason = $"attempt {attempts} failed: {error.GetType().Name}: {error.Message}",
            SizeBytes = blob.SizeBytes,
            Attempts = attempts,
            ReceivedAt = time.GetUtcNow(),
            CompletedAt = time.GetUtcNow(),
        };
        await ledger.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    private async Task<BatchRecord> ReadAsync(DroppedBlob blob, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(cancellationToken).ConfigureAwait(false);
        var content = new HashingReadStream(await dropZone.OpenReadAsync(blob, cancellationToken).ConfigureAwait(false));
        await using (content.ConfigureAwait(false))
        {
            var batchName = $"{Guid.NewGuid():N}.csv.gz";
            IngestReport report;
            var errors = new ErrorReportWriter(errorReports, ErrorReportStore.ReportNameFor(blob.Name));
            await using (errors.ConfigureAwait(false))
            {
                var output = new NormalizedBatchWriter(await normalized.OpenWriteAsync(batchName, cancellationToken).ConfigureAwait(false));
                await using (output.ConfigureAwait(false))
                {
                    await output.WriteHeaderAsync().ConfigureAwait(false);
                    report = await new ExportProcessor(context).ProcessAsync(
                        content,
                        new ExportSource(blob.Name, blob.MappingName),
                        line => output.WriteAsync(line),
                        error => new ValueTask(errors.WriteAsync(error, cancellationToken)),
                        cancellationToken).ConfigureAwait(false);
                }
            }

            if (report.IsRejected)
            {
                await normalized.DeleteAsync(batchName, cancellationToken).ConfigureAwait(false);
            }

            var completedAt = time.GetUtcNow();
            return new BatchRecord
            {
                BlobName = blob.Name,
                ETag = blob.ETag,
                ContentHash = await content.FinishAsync(cancellationToken).ConfigureAwait(false),
                Status = report.IsRejected ? BatchStatus.Rejected : BatchStatus.Accepted,
                Reason = report.Rejection,
                Profile = report.Mapping,
                Format = report.Format,
                RowsRead = report.RowsRead,
                RowsAccepted = report.RowsAccepted,
                RowsSkipped = report.RowsSkipped,
                RowsRejected = report.RowsRejected,
                SizeBytes = blob.SizeBytes,
                NormalizedBlob = report.IsRejected ? null : batchName,
                ErrorReportBlob = errors.WrittenReportName,
                ReceivedAt = receivedAt,
                AcceptedAt = report.IsRejected ? null : completedAt,
                CompletedAt = completedAt,
            };
        }
    }

    /// <summary>
    /// Identical bytes already accepted (under this name or another) add nothing: the new copy is dropped
    /// and the ledger says which batch it duplicates.
    /// </summary>
    private async Task<BatchRecord> ResolveDuplicateAsync(BatchRecord record, BatchRecord? previous, CancellationToken cancellationToken)
    {
        if (record.Status != BatchStatus.Accepted)
        {
            return record;
        }

        if (previous is { Status: BatchStatus.Accepted } && previous.ContentHash == record.ContentHash)
        {
            await normalized.DeleteAsync(record.NormalizedBlob!, cancellationToken).ConfigureAwait(false);
            // Identical content keeps its place in time: a re-upload must not make old orders newer than
            // corrections that arrived in between.
            return record with { NormalizedBlob = previous.NormalizedBlob, AcceptedAt = previous.AcceptedAt, Reason = "re-uploaded with identical content; the earlier copy is kept" };
        }

        var original = await ledger.FindAcceptedByHashAsync(record.ContentHash, record.BlobName, cancellationToken).ConfigureAwait(false);
        if (original is null)
        {
            return record;
        }

        await normalized.DeleteAsync(record.NormalizedBlob!, cancellationToken).ConfigureAwait(false);
        return record with
        {
            Status = BatchStatus.Duplicate,
            NormalizedBlob = null,
            Reason = $"identical content to '{original.BlobName}', which is already counted",
        };
    }

    /// <summary>An overwritten blob's earlier copy and stale error report go once the new outcome is saved.</summary>
    private async Task RemoveSupersededAsync(BatchRecord? previous, BatchRecord current, CancellationToken cancellationToken)
    {
        if (previous?.NormalizedBlob is { } oldBatch && oldBatch != current.NormalizedBlob)
        {
            await normalized.DeleteAsync(oldBatch, cancellationToken).ConfigureAwait(false);
        }

        if (previous?.ErrorReportBlob is { } oldReport && current.ErrorReportBlob is null)
        {
            await errorReports.DeleteAsync(oldReport, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {BlobName}: {Status}; rows read {Read}, accepted {Accepted}, skipped {Skipped}, rejected {Rejected}. {Reason}")]
    private partial void LogIngested(string blobName, string status, long read, long accepted, long skipped, long rejected, string reason);
}
