using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Segments.Functions.Configuration;
using Segments.Pipeline.Ingest;
using Segments.Storage.Account;

namespace Segments.Functions.Ingest;

/// <summary>
/// The blob trigger on <c>customers/{name}</c>: hands each new customer (profile) export to the profile ingest
/// handler. Retries, receipts and the poison queue are the runtime's, as for <see cref="IngestBatch"/>; the
/// Batches ledger (kind <c>profiles</c>) counts the failed attempts, as in the local host.
/// </summary>
public sealed class IngestProfiles(ExportIngestHandlers handlers, ILogger<IngestProfiles> logger)
{
    /// <summary>Attempts before the runtime sets a blob aside: <c>extensions.queues.maxDequeueCount</c> in host.json.</summary>
    public const int MaxAttempts = IngestBatch.MaxAttempts;

    /// <summary>Ingests one blob version of a customer export (Event Grid source; the blob is streamed, not buffered).</summary>
    [Function(nameof(IngestProfiles))]
    public Task RunAsync(
        [BlobTrigger(StorageNames.CustomersContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageConnection.Setting)] BlobClient blob,
        string name,
        CancellationToken cancellationToken) =>
        ExportBlobTrigger.RunAsync(handlers.Profiles, blob, name, MaxAttempts, logger, cancellationToken);
}
