using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Segments.Functions.Configuration;
using Segments.Pipeline.Ingest;
using Segments.Storage.Account;

namespace Segments.Functions.Ingest;

/// <summary>
/// The blob trigger on <c>transactions/{name}</c>: hands each new blob version to the ingest handler. The
/// runtime keeps the receipts, retries a failing blob and finally sets it aside on
/// <c>webjobs-blobtrigger-poison</c>; the Batches ledger counts the failed attempts, as in the local host.
/// </summary>
public sealed class IngestBatch(ExportIngestHandlers handlers, ILogger<IngestBatch> logger)
{
    /// <summary>Attempts before the runtime sets a blob aside: <c>extensions.queues.maxDequeueCount</c> in host.json.</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// Ingests one blob version. Event Grid is the source because Flex Consumption supports no other; the
    /// blob is bound as a client, so the handler streams it rather than the runtime buffering it.
    /// </summary>
    [Function(nameof(IngestBatch))]
    public Task RunAsync(
        [BlobTrigger(StorageNames.TransactionsContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageConnection.Setting)] BlobClient blob,
        string name,
        CancellationToken cancellationToken) =>
        ExportBlobTrigger.RunAsync(handlers.Orders, blob, name, MaxAttempts, logger, cancellationToken);
}
