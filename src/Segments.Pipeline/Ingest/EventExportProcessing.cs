using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Segments.Core.Events;
using Segments.Core.Ingest;
using Segments.Storage.Batches;

namespace Segments.Pipeline.Ingest;

/// <summary>
/// Behaviour-event exports: the configured ingest rules (limits, bad-row threshold, e-mail hash key: the same as for
/// orders, so a hashed <c>userId</c> matches the order's customer) and no mappings (the dialect is detected from the
/// first object); accepted events are written in <see cref="NormalizedEventFormat"/>.
/// </summary>
internal sealed partial class EventExportProcessing(IOptions<IngestOptions> options, ILogger<EventExportProcessing> logger) : IExportProcessing
{
    public ExportKind Kind => ExportKind.Events;

    public async Task<ExportOutcome> ProcessAsync(Stream content, ExportSource source, DateTimeOffset receivedAt, Stream normalizedBlob, ErrorReportWriter errors, CancellationToken cancellationToken)
    {
        var output = new StreamWriter(normalizedBlob, NormalizedEventFormat.Encoding);
        await using (output.ConfigureAwait(false))
        {
            await NormalizedEventFormat.WriteHeaderAsync(output).ConfigureAwait(false);
            var report = await new EventExportProcessor(options.Value).ProcessAsync(
                content,
                source,
                receivedAt,
                item => new ValueTask(NormalizedEventFormat.WriteAsync(output, item)),
                error => new ValueTask(errors.WriteAsync(error, cancellationToken)),
                cancellationToken).ConfigureAwait(false);
            return new ExportOutcome(report);
        }
    }

    public void ReportIngested(BatchRecord record) =>
        LogIngested(record.BlobName, record.Status, record.Profile ?? "unknown", record.RowsRead, record.RowsAccepted, record.RowsRejected, record.Reason ?? string.Empty);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested events export {BlobName}: {Status}; dialect {Dialect}; lines read {Read}, accepted {Accepted}, rejected {Rejected}. {Reason}")]
    private partial void LogIngested(string blobName, string status, string dialect, long read, long accepted, long rejected, string reason);
}
