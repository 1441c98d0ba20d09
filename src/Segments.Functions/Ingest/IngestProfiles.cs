using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Segments.Functions.Configuration;
using Segments.Pipeline.Ingest;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Functions.Ingest;

/// <summary>
/// The blob trigger on <c>customers/{name}</c>: hands each new customer (profile) export to the profile ingest
/// handler. Retries, receipts and the poison queue are the runtime's, as for <see cref="IngestBatch"/>; the
/// Batches ledger (kind <c>profiles</c>) counts the failed attempts, as in the local host.
/// </summary>
public sealed partial class IngestProfiles(IngestProfilesHandler handler, ILogger<IngestProfiles> logger)
{
    /// <summary>Attempts before the runtime sets a blob aside: <c>extensions.queues.maxDequeueCount</c> in host.json.</summary>
    public const int MaxAttempts = IngestBatch.MaxAttempts;

    /// <summary>Ingests one blob version of a customer export (Event Grid source; the blob is streamed, not buffered).</summary>
    [Function(nameof(IngestProfiles))]
    public async Task RunAsync(
        [BlobTrigger(StorageNames.CustomersContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageConnection.Setting)] BlobClient blob,
        string name,
        CancellationToken cancellationToken)
    {
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            LogGone(name);
            return;
        }

        // The forced mapping travels in the blob's metadata, as for order exports.
        properties.Metadata.TryGetValue(DropZone.MappingMetadataKey, out var mapping);
        var dropped = new DroppedBlob(name, properties.ETag.ToString().Trim('"'), properties.ContentLength, string.IsNullOrWhiteSpace(mapping) ? null : mapping.Trim());
        try
        {
            await handler.IngestAsync(dropped, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Rethrown so that the runtime retries and, after the last attempt, poisons the blob.
            await handler.RecordFailureAsync(dropped, ex, MaxAttempts, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob trigger: customer export '{BlobName}' was deleted before it could be ingested")]
    private partial void LogGone(string blobName);
}
