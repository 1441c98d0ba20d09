using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Segments.Functions.Configuration;
using Segments.Pipeline.Ingest;
using Segments.Storage.Account;

namespace Segments.Functions.Ingest;

/// <summary>
/// The blob trigger on <c>events/{name}</c>: hands each new behaviour-event export (Segment spec or GA4 rows, JSON
/// Lines, plain or gzip) to the one ingest pipeline. Retries, receipts and the poison queue are the runtime's, as for
/// <see cref="IngestBatch"/>; the Batches ledger (kind <c>events</c>) counts the failed attempts, as in the local host.
/// </summary>
public sealed class IngestEvents(ExportIngestHandlers handlers, ILogger<IngestEvents> logger)
{
    /// <summary>Attempts before the runtime sets a blob aside: <c>extensions.queues.maxDequeueCount</c> in host.json.</summary>
    public const int MaxAttempts = IngestBatch.MaxAttempts;

    /// <summary>Ingests one blob version of an events export (Event Grid source; the blob is streamed, not buffered).</summary>
    [Function(nameof(IngestEvents))]
    public Task RunAsync(
        [BlobTrigger(StorageNames.EventsContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageConnection.Setting)] BlobClient blob,
        string name,
        CancellationToken cancellationToken) =>
        ExportBlobTrigger.RunAsync(handlers.Events, blob, name, MaxAttempts, logger, cancellationToken);
}
