using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Ingest;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.Queues;

namespace Segments.Host.Triggers;

/// <summary>
/// The local blob triggers, one per export kind (<see cref="ExportKind.All"/>): <c>transactions/{name}</c> (order
/// exports, function <c>Segments.IngestBatch</c>), <c>customers/{name}</c> (customer exports,
/// <c>Segments.IngestProfiles</c>) and <c>events/{name}</c> (behaviour events, <c>Segments.IngestEvents</c>): scans each container
/// every poll interval and hands each blob version without a receipt to its handler, as the Functions blob
/// trigger does with its container scan. Each function keeps its own receipts; after five failures a version
/// goes to <c>webjobs-blobtrigger-poison</c>, naming its function.
/// </summary>
internal sealed partial class BlobTriggerListener(
    StorageAccount account,
    ExportIngestHandlers handlers,
    PoisonQueue poison,
    IOptions<SegmentsOptions> options,
    ILogger<BlobTriggerListener> logger) : BackgroundService
{
    /// <summary>What the local host puts before a kind's function name, as the Functions host names its own.</summary>
    public const string FunctionNamePrefix = "Segments.";

    /// <summary>Attempts before a blob is set aside, as the Functions blob trigger's default.</summary>
    public const int MaxAttempts = 5;

    private readonly BlobTriggerFunction[] _functions = handlers.All.Select(handler =>
    {
        var name = FunctionNamePrefix + handler.Kind.FunctionName;
        return new BlobTriggerFunction(name, handler.DropZone, new BlobReceipts(account, options.Value.HostId, name, handler.DropZone.ContainerName), handler.IngestAsync, handler.RecordFailureAsync);
    }).ToArray();

    // Versions known to have a receipt, per function, so that a scan costs one listing rather than a request per blob.
    private readonly HashSet<(string Function, string Name, string ETag)> _done = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollIntervalSeconds));
        foreach (var function in _functions)
        {
            LogListening(function.DropZone.ContainerName, interval.TotalSeconds);
        }

        using var timer = new PeriodicTimer(interval);
        do
        {
            foreach (var function in _functions)
            {
                try
                {
                    await ScanOnceAsync(function, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogScanFailed(ex, function.DropZone.ContainerName);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task ScanOnceAsync(BlobTriggerFunction function, CancellationToken cancellationToken)
    {
        await foreach (var blob in function.DropZone.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_done.Contains((function.Name, blob.Name, blob.ETag)))
            {
                continue;
            }

            if (await function.Receipts.HasAsync(blob, cancellationToken).ConfigureAwait(false))
            {
                _done.Add((function.Name, blob.Name, blob.ETag));
                continue;
            }

            // Another instance scanning the same container may be ingesting this version: only the holder of its
            // lock does, and the others look again at their next scan (by then the receipt says it is done).
            await using var processing = await function.Receipts.TryLockAsync(blob, cancellationToken).ConfigureAwait(false);
            if (processing is null)
            {
                continue;
            }

            if (await function.Receipts.HasAsync(blob, cancellationToken).ConfigureAwait(false))
            {
                _done.Add((function.Name, blob.Name, blob.ETag));
                continue;
            }

            await TriggerAsync(function, blob, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task TriggerAsync(BlobTriggerFunction function, DroppedBlob blob, CancellationToken cancellationToken)
    {
        try
        {
            await function.IngestAsync(blob, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failure = await function.RecordFailureAsync(blob, ex, MaxAttempts, cancellationToken).ConfigureAwait(false);
            LogIngestFailed(ex, function.DropZone.ContainerName, blob.Name, failure.Attempts, MaxAttempts);
            if (failure.Status != BatchStatus.Poison)
            {
                return;
            }

            await poison.SendAsync(function.Name, blob.Name, blob.ETag, failure.Reason ?? ex.Message, cancellationToken, function.DropZone.ContainerName).ConfigureAwait(false);
            LogPoisoned(blob.Name, StorageNames.PoisonQueue);
        }

        await function.Receipts.WriteAsync(blob, cancellationToken).ConfigureAwait(false);
        _done.Add((function.Name, blob.Name, blob.ETag));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob trigger: watching container '{Container}' every {Seconds} s")]
    private partial void LogListening(string container, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob trigger: scan of '{Container}' failed; retrying at the next interval")]
    private partial void LogScanFailed(Exception error, string container);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob trigger: ingesting '{Container}/{BlobName}' failed (attempt {Attempt} of {MaxAttempts})")]
    private partial void LogIngestFailed(Exception error, string container, string blobName, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Blob trigger: '{BlobName}' set aside on queue '{Queue}' after repeated failures")]
    private partial void LogPoisoned(string blobName, string queue);
}
