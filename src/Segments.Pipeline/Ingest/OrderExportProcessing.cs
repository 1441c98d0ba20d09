using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Segments.Core.Ingest;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Transactions;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Ingest;

/// <summary>
/// Order exports: the configured ingest rules plus the built-in layouts and any mapping files in
/// <c>config/mappings/</c>; accepted rows are written as UTF-8 bytes straight into the normalised batch, the hot path of an ingest.
/// </summary>
internal sealed partial class OrderExportProcessing : IExportProcessing
{
    private readonly MappingContextLoader<ExportMapping, ExportContext> _contexts;
    private readonly ILogger<OrderExportProcessing> _logger;

    public OrderExportProcessing(ConfigStore config, IOptions<IngestOptions> options, ILogger<OrderExportProcessing> logger)
    {
        _logger = logger;
        _contexts = new(config, ConfigStore.MappingsPrefix, MappingCatalog<ExportMapping>.Parse, mappings => new ExportContext(options.Value, MappingCatalog<ExportMapping>.BuiltIn.With(mappings)), LogInvalidMapping);
    }

    public ExportKind Kind => ExportKind.Orders;

    public async Task<ExportOutcome> ProcessAsync(Stream content, ExportSource source, DateTimeOffset receivedAt, Stream normalizedBlob, ErrorReportWriter errors, CancellationToken cancellationToken)
    {
        var context = await _contexts.LoadAsync(cancellationToken).ConfigureAwait(false);
        var output = new NormalizedBatchWriter(normalizedBlob);
        await using (output.ConfigureAwait(false))
        {
            await output.WriteHeaderAsync(cancellationToken).ConfigureAwait(false);
            var report = await new ExportProcessor(context).ProcessAsync(
                content,
                source,
                line => output.WriteAsync(line, cancellationToken),
                error => new ValueTask(errors.WriteAsync(error, cancellationToken)),
                cancellationToken).ConfigureAwait(false);
            return new ExportOutcome(report);
        }
    }

    public void ReportIngested(BatchRecord record) =>
        LogIngested(record.BlobName, record.Status, record.RowsRead, record.RowsAccepted, record.RowsSkipped, record.RowsRejected, record.Reason ?? string.Empty);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring an export mapping: {Problems}")]
    private partial void LogInvalidMapping(string problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {BlobName}: {Status}; rows read {Read}, accepted {Accepted}, skipped {Skipped}, rejected {Rejected}. {Reason}")]
    private partial void LogIngested(string blobName, string status, long read, long accepted, long skipped, long rejected, string reason);
}
