using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Segments.Pipeline.Ingest;
using Segments.Storage.Blobs;

namespace Segments.Functions.Ingest;

/// <summary>
/// What the blob triggers of every export kind do with a new blob: read its version (ETag, size and the forced
/// mapping from its metadata, as <see cref="DropZone"/> does in the local host), hand it to the kind's handler, and
/// count a failed attempt in the Batches ledger before rethrowing so that the runtime retries and finally poisons it.
/// </summary>
internal static class ExportBlobTrigger
{
    /// <summary>Ingests one blob version; <paramref name="logGone"/> hears of a blob deleted before it could be read.</summary>
    public static async Task RunAsync<TContext, TReport>(
        ExportIngestHandler<TContext, TReport> handler,
        BlobClient blob,
        string name,
        int maxAttempts,
        Action<string> logGone,
        CancellationToken cancellationToken)
    {
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            logGone(name);
            return;
        }

        // Responses quote ETags and listings do not; the ledger keeps them bare, as DropZone does.
        var dropped = DropZone.VersionOf(name, properties.ETag, properties.ContentLength, properties.Metadata);
        try
        {
            await handler.IngestAsync(dropped, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await handler.RecordFailureAsync(dropped, ex, maxAttempts, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }
}
