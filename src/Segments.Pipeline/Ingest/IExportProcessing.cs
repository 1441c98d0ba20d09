using Segments.Core.Ingest;
using Segments.Storage.Batches;

namespace Segments.Pipeline.Ingest;

/// <summary>
/// What one export kind brings to the shared ingest flow (<see cref="ExportIngestHandler"/>): its description, its
/// processor (reading the store's context fresh for each export) with its normalised writer, and its log line.
/// </summary>
internal interface IExportProcessing
{
    /// <summary>The kind this processing reads.</summary>
    ExportKind Kind { get; }

    /// <summary>
    /// Reads <paramref name="content"/> (named and described by <paramref name="source"/>, which also collects the
    /// content hash), writing the normalised batch (its header, then the records) to <paramref name="normalizedBlob"/>,
    /// which it owns and disposes, and the rejected rows to <paramref name="errors"/>.
    /// </summary>
    Task<ExportOutcome> ProcessAsync(Stream content, ExportSource source, DateTimeOffset receivedAt, Stream normalizedBlob, ErrorReportWriter errors, CancellationToken cancellationToken);

    /// <summary>Logs the saved outcome of one ingestion.</summary>
    void ReportIngested(BatchRecord record);
}
