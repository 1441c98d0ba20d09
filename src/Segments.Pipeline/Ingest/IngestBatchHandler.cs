using System.Text;
using Microsoft.Extensions.Logging;
using Segments.Core.Ingest;
using Segments.Core.Transactions;
using Segments.Pipeline.Cost;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Ingest;

/// <summary>
/// The blob-triggered use case for order exports in <c>transactions</c>: reads one uploaded export as a stream,
/// writes its accepted rows as a normalised batch, its rejected rows to an error report, and records the outcome in
/// the Batches ledger (the shared flow is <see cref="ExportIngestHandler{TContext, TReport}"/>).
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
    : ExportIngestHandler<ExportContext, IngestReport>(BatchKind.Transactions, dropZone, ledger, normalized, errorReports, costs, time)
{
    private protected override Task<ExportContext> LoadContextAsync(CancellationToken cancellationToken) =>
        contexts.LoadAsync(cancellationToken);

    private protected override string NormalizedBatchNameFor(DroppedBlob blob) => $"{VersionKey(blob)}.csv.gz";

    private protected override string ErrorReportNameFor(string blobName) => ErrorReportStore.ReportNameFor(blobName);

    private protected override async Task<IngestReport> ProcessAsync(ExportContext context, Stream content, ExportSource source, DateTimeOffset receivedAt, Stream normalizedBlob, ErrorReportWriter errors, CancellationToken cancellationToken)
    {
        var output = new NormalizedBatchWriter(normalizedBlob);
        await using (output.ConfigureAwait(false))
        {
            await output.WriteHeaderAsync(cancellationToken).ConfigureAwait(false);
            return await new ExportProcessor(context).ProcessAsync(
                content,
                source,
                line => output.WriteAsync(line, cancellationToken),
                error => new ValueTask(errors.WriteAsync(error, cancellationToken)),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private protected override IngestReport RowsOf(IngestReport report) => report;

    private protected override void ReportIngested(BatchRecord record) =>
        LogIngested(record.BlobName, record.Status, record.RowsRead, record.RowsAccepted, record.RowsSkipped, record.RowsRejected, record.Reason ?? string.Empty);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {BlobName}: {Status}; rows read {Read}, accepted {Accepted}, skipped {Skipped}, rejected {Rejected}. {Reason}")]
    private partial void LogIngested(string blobName, string status, long read, long accepted, long skipped, long rejected, string reason);
}
