using System.Text;
using Segments.Core.Cost;
using Segments.Core.Ingest;
using Segments.Core.Ingest.Records;
using Segments.Pipeline.Cost;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.Metering;

namespace Segments.Pipeline.Ingest;

/// <summary>
/// The ingest flow every export kind shares: read one uploaded blob as a stream while hashing its content, write its accepted
/// records as a normalised batch and its rejected rows to an error report, resolve identical content, record the
/// outcome (and what it cost) in the Batches ledger and remove what an overwritten blob superseded. A kind supplies
/// only what differs: its processor and normalised format, its batch and report names and its log line.
/// </summary>
/// <typeparam name="TContext">What the kind's processor needs to know about the store (rules, mappings).</typeparam>
/// <typeparam name="TReport">What the kind's processor reports about one export.</typeparam>
public abstract class ExportIngestHandler<TContext, TReport>(
    string kind,
    DropZone dropZone,
    BatchLedger ledger,
    NormalizedBatchStore normalized,
    ErrorReportStore errorReports,
    CostAccounting costs,
    TimeProvider time)
{
    /// <summary>The one stage an ingestion is measured and priced as.</summary>
    public const string Stage = "ingest";

    /// <summary>The drop zone this handler reads.</summary>
    public DropZone DropZone { get; } = dropZone;

    /// <summary>
    /// Ingests one blob version. Idempotent: a version already in the ledger is returned as it is, and content
    /// identical to an accepted export of the same kind is recorded as a duplicate that contributes nothing. The
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
        ReportIngested(record);
        return record;
    }

    /// <summary>
    /// Records a failed attempt and counts it; at <paramref name="maxAttempts"/> the batch is marked poison,
    /// and the trigger sets it aside.
    /// </summary>
    public async Task<BatchRecord> RecordFailureAsync(DroppedBlob blob, Exception error, int maxAttempts, CancellationToken cancellationToken)
    {
        var previous = await ledger.GetAsync(kind, blob.Name, cancellationToken).ConfigureAwait(false);
        var attempts = previous is not null && previous.ETag == blob.ETag ? previous.Attempts + 1 : 1;
        var record = new BatchRecord
        {
            Kind = kind,
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

    /// <summary>The store's context for the next export, read fresh for each one.</summary>
    private protected abstract Task<TContext> LoadContextAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The normalised batch's name for one blob version: the same on every attempt, so an attempt killed
    /// half-way (whose partly committed blob no ledger row names) is overwritten by the next one instead of
    /// being left behind.
    /// </summary>
    private protected abstract string NormalizedBatchNameFor(DroppedBlob blob);

    /// <summary>32 hex digits that name one blob version (its name and ETag).</summary>
    private protected static string VersionKey(DroppedBlob blob) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{blob.Name}\n{blob.ETag}")).AsSpan(0, 16));

    /// <summary>The error report's name for a blob of this kind.</summary>
    private protected abstract string ErrorReportNameFor(string blobName);

    /// <summary>
    /// Runs the kind's processor with <paramref name="context"/> over <paramref name="content"/> (named and
    /// described by <paramref name="source"/>, which also collects the content hash), writing the
    /// normalised batch (its header, then the records) to <paramref name="normalizedBlob"/>, which it owns and
    /// disposes, and the rejected rows to <paramref name="errors"/>. Each kind brings its own writer: order
    /// exports write UTF-8 bytes straight into the blob, the hot path of an ingest.
    /// </summary>
    private protected abstract Task<TReport> ProcessAsync(TContext context, Stream content, ExportSource source, DateTimeOffset receivedAt, Stream normalizedBlob, ErrorReportWriter errors, CancellationToken cancellationToken);

    /// <summary>The row counts and verdict in the kind's report.</summary>
    private protected abstract IngestReport RowsOf(TReport report);

    /// <summary>Adds what only this kind records to the ledger row; nothing by default.</summary>
    private protected virtual BatchRecord Describe(BatchRecord record, TReport report) => record;

    /// <summary>Logs the saved outcome of one ingestion.</summary>
    private protected abstract void ReportIngested(BatchRecord record);

    /// <summary>The ingestion itself; no rates when the version was already in the ledger.</summary>
    private async Task<(BatchRecord Record, CostRates? Rates)> IngestMeteredAsync(DroppedBlob blob, CancellationToken cancellationToken)
    {
        var previous = await ledger.GetAsync(kind, blob.Name, cancellationToken).ConfigureAwait(false);
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

    private async Task<BatchRecord> ReadAsync(DroppedBlob blob, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var context = await LoadContextAsync(cancellationToken).ConfigureAwait(false);
        using var digest = new ContentDigest();
        var source = new ExportSource(blob.Name, blob.MappingName) { EncodingName = blob.EncodingName, Digest = digest };
        var content = await DropZone.OpenReadAsync(blob, cancellationToken).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
        {
            var batchName = NormalizedBatchNameFor(blob);
            TReport report;
            var errors = new ErrorReportWriter(errorReports, ErrorReportNameFor(blob.Name));
            await using (errors.ConfigureAwait(false))
            {
                var output = await normalized.OpenWriteAsync(batchName, cancellationToken).ConfigureAwait(false);
                report = await ProcessAsync(context, content, source, receivedAt, output, errors, cancellationToken).ConfigureAwait(false);
            }

            var rows = RowsOf(report);
            if (rows.IsRejected)
            {
                await normalized.DeleteAsync(batchName, cancellationToken).ConfigureAwait(false);
            }

            var completedAt = time.GetUtcNow();
            return Describe(
                new BatchRecord
                {
                    Kind = kind,
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
                    // without reading it (SegmentsApi.RequestRunAsync); customer exports have none.
                    FirstOrderDate = rows.IsRejected ? null : rows.FirstOrderDate,
                    LatestOrderDate = rows.IsRejected ? null : rows.LatestOrderDate,
                    SizeBytes = blob.SizeBytes,
                    NormalizedBlob = rows.IsRejected ? null : batchName,
                    ErrorReportBlob = errors.WrittenReportName,
                    ReceivedAt = receivedAt,
                    AcceptedAt = rows.IsRejected ? null : completedAt,
                    CompletedAt = completedAt,
                },
                report);
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
            await normalized.DeleteAsync(record.NormalizedBlob!, cancellationToken).ConfigureAwait(false);
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

        var original = await ledger.FindAcceptedByHashAsync(kind, record.ContentHash, record.BlobName, cancellationToken).ConfigureAwait(false);
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
                ? await ledger.FindDuplicateByHashAsync(kind, previous.ContentHash, previous.BlobName, cancellationToken).ConfigureAwait(false)
                : null;
            if (heir is null)
            {
                await normalized.DeleteAsync(oldBatch, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ledger.SaveAsync(
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
            await errorReports.DeleteAsync(oldReport, cancellationToken).ConfigureAwait(false);
        }
    }
}
