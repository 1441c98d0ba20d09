using Microsoft.Extensions.Logging;
using Segments.Core.Cost;
using Segments.Core.Ingest;
using Segments.Core.Profiles;
using Segments.Pipeline.Cost;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.Metering;

namespace Segments.Pipeline.Ingest;

/// <summary>
/// The blob-triggered use case for customer exports in <c>customers</c>: reads one upload as a stream, writes
/// its accepted records as a normalised profile batch (<c>normalized/profiles/…</c>), its rejected rows to
/// <c>transactions-rejected/customers/{blob}.errors.jsonl</c>, and records the outcome in the Batches ledger
/// (kind <c>profiles</c>), with the same idempotence as order exports.
/// </summary>
public sealed partial class IngestProfilesHandler(
    StorageAccount account,
    ProfileContextLoader contexts,
    BatchLedger ledger,
    NormalizedBatchStore normalized,
    ErrorReportStore errorReports,
    CostAccounting costs,
    TimeProvider time,
    ILogger<IngestProfilesHandler> logger)
{
    /// <summary>Folder of the normalised profile batches in the <c>normalized</c> container.</summary>
    public const string NormalizedPrefix = "profiles/";

    /// <summary>The drop zone this handler reads.</summary>
    public DropZone DropZone { get; } = new(account, StorageNames.CustomersContainer);

    /// <summary>
    /// Ingests one blob version of a customer export. Idempotent: a version already in the ledger is returned as
    /// it is, and content identical to an accepted customer export is recorded as a duplicate that adds nothing.
    /// </summary>
    public async Task<BatchRecord> IngestAsync(DroppedBlob blob, CancellationToken cancellationToken)
    {
        var meter = UsageMeter.Start(IngestBatchHandler.Stage, time);
        (BatchRecord Record, CostRates? Rates) ingested;
        using (meter)
        {
            ingested = await IngestMeteredAsync(blob, cancellationToken).ConfigureAwait(false);
        }

        if (ingested.Rates is not { } rates)
        {
            return ingested.Record;
        }

        // As for order exports: this second write adds what the ingestion cost and is the one request left out of it.
        var usage = meter.Stop();
        var record = ingested.Record with { Usage = usage, CostUsd = costs.Price(usage, rates) };
        await ledger.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        LogIngested(blob.Name, record.Status, record.RowsRead, record.RowsAccepted, record.RowsRejected, record.Profiles?.Customers ?? 0, record.Profiles?.ConflictingCustomers ?? 0, record.Reason ?? string.Empty);
        return record;
    }

    /// <summary>Records a failed attempt; at <paramref name="maxAttempts"/> the batch is marked poison.</summary>
    public async Task<BatchRecord> RecordFailureAsync(DroppedBlob blob, Exception error, int maxAttempts, CancellationToken cancellationToken)
    {
        var previous = await ledger.GetAsync(BatchKind.Profiles, blob.Name, cancellationToken).ConfigureAwait(false);
        var attempts = previous is not null && previous.ETag == blob.ETag ? previous.Attempts + 1 : 1;
        var record = new BatchRecord
        {
            Kind = BatchKind.Profiles,
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

    private async Task<(BatchRecord Record, CostRates? Rates)> IngestMeteredAsync(DroppedBlob blob, CancellationToken cancellationToken)
    {
        var previous = await ledger.GetAsync(BatchKind.Profiles, blob.Name, cancellationToken).ConfigureAwait(false);
        if (previous is not null && previous.ETag == blob.ETag && previous.Status != BatchStatus.Failed)
        {
            return (previous, null);
        }

        var rates = await costs.LoadRatesAsync(cancellationToken).ConfigureAwait(false);
        var record = await ReadAsync(blob, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        record = await ResolveDuplicateAsync(record, previous, cancellationToken).ConfigureAwait(false);
        await ledger.SaveAsync(record, cancellationToken).ConfigureAwait(false);

        // An overwritten blob's earlier contribution goes once the new outcome is saved.
        if (previous?.NormalizedBlob is { } oldBatch && oldBatch != record.NormalizedBlob)
        {
            await normalized.DeleteAsync(oldBatch, cancellationToken).ConfigureAwait(false);
        }

        if (previous?.ErrorReportBlob is { } oldReport && record.ErrorReportBlob is null)
        {
            await errorReports.DeleteAsync(oldReport, cancellationToken).ConfigureAwait(false);
        }

        return (record, rates);
    }

    private async Task<BatchRecord> ReadAsync(DroppedBlob blob, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(cancellationToken).ConfigureAwait(false);
        var content = new HashingReadStream(await DropZone.OpenReadAsync(blob, cancellationToken).ConfigureAwait(false));
        await using (content.ConfigureAwait(false))
        {
            var batchName = $"{NormalizedPrefix}{Guid.NewGuid():N}.csv.gz";
            ProfileIngestReport report;
            var errors = new ErrorReportWriter(errorReports, ErrorReportStore.ProfileReportNameFor(blob.Name));
            await using (errors.ConfigureAwait(false))
            {
                var output = new StreamWriter(await normalized.OpenWriteAsync(batchName, cancellationToken).ConfigureAwait(false), NormalizedProfileFormat.Encoding);
                await using (output.ConfigureAwait(false))
                {
                    await NormalizedProfileFormat.WriteHeaderAsync(output).ConfigureAwait(false);
                    report = await new ProfileExportProcessor(context).ProcessAsync(
                        content,
                        new ExportSource(blob.Name, blob.MappingName),
                        receivedAt,
                        record => new ValueTask(NormalizedProfileFormat.WriteAsync(output, record)),
                        error => new ValueTask(errors.WriteAsync(error, cancellationToken)),
                        cancellationToken).ConfigureAwait(false);
                }
            }

            var rows = report.Rows;
            if (rows.IsRejected)
            {
                await normalized.DeleteAsync(batchName, cancellationToken).ConfigureAwait(false);
            }

            var completedAt = time.GetUtcNow();
            return new BatchRecord
            {
                Kind = BatchKind.Profiles,
                BlobName = blob.Name,
                ETag = blob.ETag,
                ContentHash = await content.FinishAsync(cancellationToken).ConfigureAwait(false),
                Status = rows.IsRejected ? BatchStatus.Rejected : BatchStatus.Accepted,
                Reason = rows.Rejection,
                Profile = rows.Mapping,
                Format = rows.Format,
                RowsRead = rows.RowsRead,
                RowsAccepted = rows.RowsAccepted,
                RowsSkipped = rows.RowsSkipped,
                RowsRejected = rows.RowsRejected,
                SizeBytes = blob.SizeBytes,
                NormalizedBlob = rows.IsRejected ? null : batchName,
                ErrorReportBlob = errors.WrittenReportName,
                Profiles = new ProfileBatchSummary(report.Customers, report.ConflictingCustomers, report.ConflictExamples.Select(c => c.ToString()).ToList()),
                ReceivedAt = receivedAt,
                AcceptedAt = rows.IsRejected ? null : completedAt,
                CompletedAt = completedAt,
            };
        }
    }

    /// <summary>Identical bytes already accepted (under this name or another) add nothing, as for order exports.</summary>
    private async Task<BatchRecord> ResolveDuplicateAsync(BatchRecord record, BatchRecord? previous, CancellationToken cancellationToken)
    {
        if (record.Status != BatchStatus.Accepted)
        {
            return record;
        }

        if (previous is { Status: BatchStatus.Accepted } && previous.ContentHash == record.ContentHash)
        {
            await normalized.DeleteAsync(record.NormalizedBlob!, cancellationToken).ConfigureAwait(false);
            // The same content keeps its place in time: a re-upload must not make old profiles newer than
            // corrections that arrived in between.
            return record with { NormalizedBlob = previous.NormalizedBlob, AcceptedAt = previous.AcceptedAt, Reason = "re-uploaded with identical content; the earlier copy is kept" };
        }

        var original = await ledger.FindAcceptedByHashAsync(BatchKind.Profiles, record.ContentHash, record.BlobName, cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested customer export {BlobName}: {Status}; rows read {Read}, accepted {Accepted}, rejected {Rejected}; {Customers} customers, {Conflicts} with conflicting records. {Reason}")]
    private partial void LogIngested(string blobName, string status, long read, long accepted, long rejected, int customers, int conflicts, string reason);
}
