using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Segments.Core.Ingest;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Profiles;
using Segments.Core.Profiles.Mappings;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Ingest;

/// <summary>
/// Customer (profile) exports: the configured ingest rules (limits, bad-row threshold, e-mail hash key: the same as
/// for orders) plus the built-in profile layouts and any in <c>config/profile-mappings/</c>; accepted records are
/// written in <see cref="NormalizedProfileFormat"/>, and the ledger row counts the customers and their conflicts.
/// </summary>
internal sealed partial class ProfileExportProcessing : IExportProcessing
{
    private readonly MappingContextLoader<ProfileMapping, ProfileExportContext> _contexts;
    private readonly ILogger<ProfileExportProcessing> _logger;

    public ProfileExportProcessing(ConfigStore config, IOptions<IngestOptions> options, ILogger<ProfileExportProcessing> logger)
    {
        _logger = logger;
        _contexts = new(config, ConfigStore.ProfileMappingsPrefix, MappingCatalog<ProfileMapping>.Parse, mappings => new ProfileExportContext(options.Value, MappingCatalog<ProfileMapping>.BuiltIn.With(mappings)), LogInvalidMapping);
    }

    public ExportKind Kind => ExportKind.Profiles;

    public async Task<ExportOutcome> ProcessAsync(Stream content, ExportSource source, DateTimeOffset receivedAt, Stream normalizedBlob, ErrorReportWriter errors, CancellationToken cancellationToken)
    {
        var context = await _contexts.LoadAsync(cancellationToken).ConfigureAwait(false);
        var output = new StreamWriter(normalizedBlob, NormalizedProfileFormat.Encoding);
        await using (output.ConfigureAwait(false))
        {
            await NormalizedProfileFormat.WriteHeaderAsync(output).ConfigureAwait(false);
            var report = await new ProfileExportProcessor(context).ProcessAsync(
                content,
                source,
                receivedAt,
                record => new ValueTask(NormalizedProfileFormat.WriteAsync(output, record)),
                error => new ValueTask(errors.WriteAsync(error, cancellationToken)),
                cancellationToken).ConfigureAwait(false);
            return new ExportOutcome(report.Rows, record => record with
            {
                Profiles = new ProfileBatchSummary(report.Customers, report.ConflictingCustomers, report.ConflictExamples.Select(c => c.ToString()).ToList()),
            });
        }
    }

    public void ReportIngested(BatchRecord record) =>
        LogIngested(record.BlobName, record.Status, record.RowsRead, record.RowsAccepted, record.RowsRejected, record.Profiles?.Customers ?? 0, record.Profiles?.ConflictingCustomers ?? 0, record.Reason ?? string.Empty);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring a customer export mapping: {Problems}")]
    private partial void LogInvalidMapping(string problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested customer export {BlobName}: {Status}; rows read {Read}, accepted {Accepted}, rejected {Rejected}; {Customers} customers, {Conflicts} with conflicting records. {Reason}")]
    private partial void LogIngested(string blobName, string status, long read, long accepted, long rejected, int customers, int conflicts, string reason);
}
