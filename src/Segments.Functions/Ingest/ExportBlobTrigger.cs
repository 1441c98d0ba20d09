using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Segments.Pipeline.Ingest;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;

namespace Segments.Functions.Ingest;

/// <summary>
/// What the blob triggers of every export kind do with a new blob: read its version (ETag, size and the forced
/// mapping from its metadata, as <see cref="DropZone"/> does in the local host), hand it to the kind's handler, and
/// count a failed attempt in the Batches ledger before rethrowing so that the runtime retries and finally poisons it.
/// Each failed attempt logs one line with its count, as the local host's blob trigger does; the rethrown exception
/// ends the invocation as failed (the worker reports it to the runtime, which counts it), never the worker.
/// </summary>
internal static partial class ExportBlobTrigger
{
    /// <summary>Ingests one blob version; <paramref name="logger"/> is the function's.</summary>
    public static async Task RunAsync(
        ExportIngestHandler handler,
        BlobClient blob,
        string name,
        int maxAttempts,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            LogGone(logger, blob.BlobContainerName, name);
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
            var failure = await handler.RecordFailureAsync(dropped, ex, maxAttempts, cancellationToken).ConfigureAwait(false);
            if (failure.Status == BatchStatus.Poison)
            {
                LogLastAttemptFailed(logger, ex, blob.BlobContainerName, name, failure.Attempts, maxAttempts);
            }
            else
            {
                LogAttemptFailed(logger, ex, blob.BlobContainerName, name, failure.Attempts, maxAttempts);
            }

            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob trigger: '{Container}/{BlobName}' was deleted before it could be ingested")]
    private static partial void LogGone(ILogger logger, string container, string blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob trigger: ingesting '{Container}/{BlobName}' failed (attempt {Attempt} of {MaxAttempts})")]
    private static partial void LogAttemptFailed(ILogger logger, Exception error, string container, string blobName, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Blob trigger: ingesting '{Container}/{BlobName}' failed (attempt {Attempt} of {MaxAttempts}); the runtime sets it aside on its poison queue")]
    private static partial void LogLastAttemptFailed(ILogger logger, Exception error, string container, string blobName, int attempt, int maxAttempts);
}
