using System.Text;
using Microsoft.Extensions.Logging;
using Segments.Core.Ingest;
using Segments.Core.Profiles;
using Segments.Pipeline.Cost;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Ingest;

/// <summary>
/// The blob-triggered use case for customer exports in <c>customers</c>: reads one upload as a stream, writes
/// its accepted records as a normalised profile batch (<c>normalized/profiles/…</c>), its rejected rows to
/// <c>transactions-rejected/customers/{blob}.errors.jsonl</c>, and records the outcome in the Batches ledger
/// (kind <c>profiles</c>), with the same flow and idempotence as order exports
/// (<see cref="ExportIngestHandler{TContext, TReport}"/>).
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
    : ExportIngestHandler<ProfileExportContext, ProfileIngestReport>(
        BatchKind.Profiles, new DropZone(account, StorageNames.CustomersContainer), ledger, normalized, errorReports, costs, time)
{
    /// <summary>Folder of the normalised profile batches in the <c>normalized</c> container.</summary>
    public const string NormalizedPrefix = "profiles/";

    private protected override Task<ProfileExportContext> LoadContextAsync(CancellationToken cancellationToken) =>
        contexts.LoadAsync(cancellationToken);

    private protected override string NormalizedBatchNameFor(DroppedBlob blob) => $"{NormalizedPrefix}{VersionKey(blob)}.csv.gz";

    private protected override string ErrorReportNameFor(string blobName) => ErrorReportStore.ProfileReportNameFor(blobName);

    private protected override async Task<ProfileIngestReport> ProcessAsync(ProfileExportContext context, Stream content, ExportSource source, DateTimeOffset receivedAt, Stream normalizedBlob, ErrorReportWriter errors, CancellationToken cancellationToken)
    {
        var output = new StreamWriter(normalizedBlob, NormalizedProfileFormat.Encoding);
        await using (output.ConfigureAwait(false))
        {
            await NormalizedProfileFormat.WriteHeaderAsync(output).ConfigureAwait(false);
            return await new ProfileExportProcessor(context).ProcessAsync(
                content,
                source,
                receivedAt,
                record => new ValueTask(NormalizedProfileFormat.WriteAsync(output, record)),
                error => new ValueTask(errors.WriteAsync(error, cancellationToken)),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private protected override IngestReport RowsOf(ProfileIngestReport report) => report.Rows;

    private protected override BatchRecord Describe(BatchRecord record, ProfileIngestReport report) => record with
    {
        Profiles = new ProfileBatchSummary(report.Customers, report.ConflictingCustomers, report.ConflictExamples.Select(c => c.ToString()).ToList()),
    };

    private protected override void ReportIngested(BatchRecord record) =>
        LogIngested(record.BlobName, record.Status, record.RowsRead, record.RowsAccepted, record.RowsRejected, record.Profiles?.Customers ?? 0, record.Profiles?.ConflictingCustomers ?? 0, record.Reason ?? string.Empty);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested customer export {BlobName}: {Status}; rows read {Read}, accepted {Accepted}, rejected {Rejected}; {Customers} customers, {Conflicts} with conflicting records. {Reason}")]
    private partial void LogIngested(string blobName, string status, long read, long accepted, long rejected, int customers, int conflicts, string reason);
}
