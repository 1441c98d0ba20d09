using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Ingest;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.Queues;

namespace Segments.Host.Triggers;

/// <summary>
/// The local blob trigger on <c>transactions/{name}</c>: scans the container every poll interval and hands
/// each blob version without a receipt to the ingest handler, as the Functions blob trigger does with its
/// container scan. After five failures a version goes to <c>webjobs-blobtrigger-poison</c>.
/// </summary>
internal sealed partial class BlobTriggerListener(
    StorageAccount account,
    DropZone dropZone,
    IngestBatchHandler handler,
    PoisonQueue poison,
    IOptions<SegmentsOptions> options,
    ILogger<BlobTriggerListener> logger) : BackgroundService
{
    /// <summary>The function name receipts and poison messages carry.</summary>
    public const string FunctionName = "Segments.IngestBatch";

    /// <summary>Attempts before a blob is set aside, as the Functions blob trigger's default.</summary>
    public const int MaxAttempts = 5;

    private readonly BlobReceipts _receipts = new(account, options.Value.HostId, FunctionName);

    // Versions known to have a receipt, so that a scan costs one listing rather than a request per blob.
    private readonly HashSet<(string Name, string ETag)> _done = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollIntervalSeconds));
        LogListening(StorageNames.TransactionsContainer, interval.TotalSeconds);
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await ScanOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogScanFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task ScanOnceAsync(CancellationToken cancellationToken)
    {
        await foreach (var blob in dropZone.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_done.Contains((blob.Name, blob.ETag)))
            {
                continue;
            }

            if (!await _receipts.HasAsync(blob, cancellationToken).ConfigureAwait(false))
            {
                await TriggerAsync(blob, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                _done.Add((blob.Name, blob.ETag));
            }
        }
    }

    private async Task TriggerAsync(DroppedBlob blob, CancellationToken cancellationToken)
    {
        try
        {
            await handler.IngestAsync(blob, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failure = await handler.RecordFailureAsync(blob, ex, MaxAttempts, cancellationToken).ConfigureAwait(false);
            LogIngestFailed(ex, blob.Name, failure.Attempts, MaxAttempts);
            if (failure.Status != BatchStatus.Poison)
            {
                return;
            }

            await poison.SendAsync(FunctionName, blob.Name, blob.ETag, failure.Reason ?? ex.Message, cancellationToken).ConfigureAwait(false);
            LogPoisoned(blob.Name, StorageNames.PoisonQueue);
        }

        await _receipts.WriteAsync(blob, cancellationToken).ConfigureAwait(false);
        _done.Add((blob.Name, blob.ETag));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob trigger: watching container '{Container}' every {Seconds} s")]
    private partial void LogListening(string container, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob trigger: scan failed; retrying at the next interval")]
    private partial void LogScanFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob trigger: ingesting '{BlobName}' failed (attempt {Attempt} of {MaxAttempts})")]
    private partial void LogIngestFailed(Exception error, string blobName, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Blob trigger: '{BlobName}' set aside on queue '{Queue}' after repeated failures")]
    private partial void LogPoisoned(string blobName, string queue);
}
