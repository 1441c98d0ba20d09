using Segments.Core.Cost;
using Segments.Core.Ingest;
using Segments.Core.Ingest.Records;
using Segments.Pipeline.Cost;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.Metering;

namespace Segments.Pipeline.Ingest;

/// <summary>
/// The one ingest flow of every export kind: read one uploaded blob as a stream while hashing its content, write its
/// accepted records as a normalised batch and its rejected rows to an error report, resolve identical content, record
/// the outcome (and what it cost) in the Batches ledger and remove what an overwritten blob superseded. The kind
/// (<see cref="ExportKind"/>) and its processing are the only things that vary.
/// </summary>
public sealed class ExportIngestHandler
{
    private readonly IExportProcessing _processing;
    private readonly string _kind;
    private readonly BatchLedger _ledger;
    private readonly NormalizedBatchStore _normalized;
    private readonly ErrorReportStore _errorReports;
    private readonly CostAccounting _costs;
    private readonly TimeProvider _time;

    internal ExportIngestHandler(
        IExportProcessing processing,
        StorageAccount account,
        BatchLedger ledger,
        NormalizedBatchStore normalized,
        ErrorReportStore errorReports,
        CostAccounting costs,
        TimeProvider time)
    {
        _processing = processing;
        _kind = processing.Kind.LedgerKind;
        DropZone = new DropZone(account, processing.Kind.Container);
        _ledger = ledger;
        _normalized = normalized;
        _errorReports = errorReports;
        _costs = costs;
        _time = time;
    }

    /// <summary>The one stage an ingestion is measured and priced as.</summary>
    public const string Stage = "ingest";

    /// <summary>The kind of export this handler ingests.</summary>
    public ExportKind Kind => _processing.Kind;

    /// <summary>The drop zone this handler reads.</summary>
    public DropZone DropZone { get; }

    /// <summary>
    /// Ingests one blob version. Idempotent: a version already in the ledger is returned as it is, and content
    /// identical to an accepted export of the same kind is recorded as a duplicate that contributes nothing. The
    /// ledger row records what the ingestion used and what that cost.
    /// </summary>
    public async Task<BatchRecord> IngestAsync(DroppedBlob blob, CancellationToken cancellationToken)
    {
        var meter = UsageMeter.Start(Stage, _time);
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
        var record = ingested.Record with { Usage = usage, CostUsd = _costs.Price(usage, rates) };
        await _ledger.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        _processing.ReportIngested(record);
        return record;
    }

    /// <summary>
    /// Records a failed attempt and counts it; at <paramref name="maxAttempts"/> the batch is marked poison,
    /// and the trigger sets it aside.
    /// </summary>
    public async Task<BatchRecord> RecordFailureAsync(DroppedBlob blob, Exception error, int maxAttempts, CancellationToken cancellationToken)
    {
        var previous = await _ledger.GetAsync(_kind, blob.Name, cancellationToken).ConfigureAwait(false);
        var attempts = previous is not null && previous.ETag == blob.ETag ? previous.Attempts + 1 : 1;
        var record = new BatchRecord
        {
            Kind = _kind,
            BlobName = blob.Name,
            ETag = blob.ETag,
            Status = attempts >= maxAttempts ? BatchStatus.Poison : BatchStatus.Failed,
            Reason = $"attempt {attempts} failed: {error.GetType().Name}: {error.Message}",
            SizeBytes = blob.SizeBytes,
            Attempts = attempts,
            ReceivedAt = _time.GetUtcNow(),
            CompletedAt = _time.GetUtcNow(),
        };
        await _ledger.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>32 hex digits that name one blob version (its name and ETag).</summary>
    private static string VersionKey(DroppedBlob blob) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{blob.Name}\n{blob.ETag}")).AsSpan(0, 16));

    /// <summary>The ingestion itself; no rates when the version was already in the _ledger.</summary>
    private async Task<(BatchRecord Record, CostRates? Rates)> IngestMeteredAsync(DroppedBlob blob, CancellationToken cancellationToken)
    {
        var previous = await _ledger.GetAsync(_kind, blob.Name, cancellationToken).ConfigureAwait(false);
        if (previous is not null && previous.ETag == blob.ETag && previous.Status != BatchStatus.Failed)
        {
            return (previous, null);
        }

        var rates = await _costs.LoadRatesAsync(cancellationToken).ConfigureAwait(false);
        var receivedAt = _time.GetUtcNow();
        var record = await ReadAsync(blob, receivedAt, cancellationToken).ConfigureAwait(false);
        record = await ResolveDuplicateAsync(record, previous, cancellationToken).ConfigureAwait(false);
        await _ledger.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        await RemoveSupersededAsync(previous, record, cancellationToken).ConfigureAwait(false);
        return (record, rates);
    }

    private async Task<BatchRecord> ReadAsync(DroppedBlob blob, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        using var digest = new ContentDigest();
        var source = new ExportSource(blob.Name, blob.MappingName) { EncodingName = blob.EncodingName, Digest = digest };
        var content = await DropZone.OpenReadAsync(blob, cancellationToken).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
        {
            var batchName = Kind.NormalizedBatchName(VersionKey(blob));
            ExportOutcome outcome;
            var errors = new ErrorReportWriter(_errorReports, Kind.ErrorReportName(blob.Name));
            await using (errors.ConfigureAwait(false))
            {
                var output = await _normalized.OpenWriteAsync(batchName, cancellationToken).ConfigureAwait(false);
                outcome = await _processing.ProcessAsync(content, source, receivedAt, output, errors, cancellationToken).ConfigureAwait(false);
            }

            var rows = outcome.Rows;
            if (rows.IsRejected)
            {
                await _normalized.DeleteAsync(batchName, cancellationToken).ConfigureAwait(false);
            }

            var completedAt = _time.GetUtcNow();
            var record = new BatchRecord
            {
                Kind = _kind,
                BlobName = blob.Name,
                ETag = blob.ETag,
                // What the export holds, decompressed: the same export plain or gzipped is one content.
                // A file refused before its end has no hash; only accepted content is compared.
                ContentHash = digest.Hash ?? string.Empty,
                Status = rows.IsRejected ? BatchStatus.Rejected : BatchStatus.Accepted,
                Reason = rows.Rejection,
                Profile = rows.Mapping,
                Format = rows.Format,
                RowsRead = rows.RowsRead,
                RowsAccepted = rows.RowsAccepted,
                RowsSkipped = rows.RowsSkipped,
                RowsRejected = rows.RowsRejected,
                // What the normalised copy spans, so that a run request is checked against the data
                // without reading it (SegmentsApi.RequestRunAsync); customer and event exports have none.
                FirstOrderDate = rows.IsRejected ? null : rows.FirstOrderDate,
                LatestOrderDate = rows.IsRejected ? null : rows.LatestOrderDate,
                SizeBytes = blob.SizeBytes,
                NormalizedBlob = rows.IsRejected ? null : batchName,
                ErrorReportBlob = errors.WrittenReportName,
                ReceivedAt = receivedAt,
                AcceptedAt = rows.IsRejected ? null : completedAt,
                CompletedAt = completedAt,
            };
            return outcome.Describe is { } describe ? describe(record) : record;
        }
    }

    /// <summary>
    /// Identical content already accepted (under this name or another, plain or compressed) adds nothing: the new
    /// copy is dropped and the ledger says which batch it duplicates.
    /// </summary>
    private async Task<BatchRecord> ResolveDuplicateAsync(BatchRecord record, BatchRecord? previous, CancellationToken cancellationToken)
    {
        // Content without a hash (not read to its end) is never taken for another's: only accepted content is compared.
        if (record.Status != BatchStatus.Accepted || record.ContentHash.Length == 0)
        {
            return record;
        }

        if (previous is { Status: BatchStatus.Accepted } && previous.ContentHash == record.ContentHash)
        {
            await _normalized.DeleteAsync(record.NormalizedBlob!, cancellationToken).ConfigureAwait(false);
            // Identical content keeps its place in time: a re-upload must not make old records newer than
            // corrections that arrived in between.
            // The order dates stay those of the copy kept, which is what runs read.
            return record with
            {
                NormalizedBlob = previous.NormalizedBlob,
                AcceptedAt = previous.AcceptedAt,
                FirstOrderDate = previous.FirstOrderDate,
                LatestOrderDate = previous.LatestOrderDate,
                Reason = "re-uploaded with identical content; the earlier copy is kept",
            };
        }

        var original = await _ledger.FindAcceptedByHashAsync(_kind, record.ContentHash, record.BlobName, cancellationToken).ConfigureAwait(false);
        if (original is null)
        {
            return record;
        }

        await _normalized.DeleteAsync(record.NormalizedBlob!, cancellationToken).ConfigureAwait(false);
        return record with
        {
            Status = BatchStatus.Duplicate,
            NormalizedBlob = null,
            Reason = $"identical content to '{original.BlobName}', which is already counted",
        };
    }

    /// <summary>
    /// An overwritten blob's earlier copy and stale error report go once the new outcome is saved, unless another
    /// name still holds that content: a name recorded as its duplicate takes the copy over (and its place in time),
    /// so that the customers only in that content do not vanish because one of its names was reused.
    /// </summary>
    private async Task RemoveSupersededAsync(BatchRecord? previous, BatchRecord current, CancellationToken cancellationToken)
    {
        if (previous?.NormalizedBlob is { } oldBatch && oldBatch != current.NormalizedBlob)
        {
            var heir = previous is { Status: BatchStatus.Accepted, ContentHash.Length: > 0 }
                ? await _ledger.FindDuplicateByHashAsync(_kind, previous.ContentHash, previous.BlobName, cancellationToken).ConfigureAwait(false)
                : null;
            if (heir is null)
            {
                await _normalized.DeleteAsync(oldBatch, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _ledger.SaveAsync(
                    heir with
                    {
                        Status = BatchStatus.Accepted,
                        NormalizedBlob = oldBatch,
                        AcceptedAt = previous.AcceptedAt,
                        FirstOrderDate = previous.FirstOrderDate,
                        LatestOrderDate = previous.LatestOrderDate,
                        Reason = $"holds the content of '{previous.BlobName}', which was overwritten: its copy is kept and counts here",
                    },
                    cancellationToken).ConfigureAwait(false);
            }
        }

        if (previous?.ErrorReportBlob is { } oldReport && current.ErrorReportBlob is null)
        {
            await _errorReports.DeleteAsync(oldReport, cancellationToken).ConfigureAwait(false);
        }
    }
}
