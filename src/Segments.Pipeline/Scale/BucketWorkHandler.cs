using Microsoft.Extensions.Logging;
using Segments.Pipeline.Recompute;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Scale;

/// <summary>
/// The bucket worker behind both hosts' queue triggers on <c>bucket-work</c>: does one item (<see cref="BucketWork"/>),
/// then records it done in the progress table, naming this process. An item is idempotent (its blobs and its row are
/// overwritten with the same content), so a redelivered one is harmless. An item that fails is left to the queue to
/// deliver again; on its <see cref="MaxAttempts"/>th delivery the failure is recorded instead, which fails the run with
/// the bucket and the reason, and the item is not retried again. Items of a run that is no longer running are dropped.
/// </summary>
public sealed partial class BucketWorkHandler(BucketWork work, BucketProgressTable progress, RunLedger runs, ILogger<BucketWorkHandler> logger)
{
    /// <summary>Deliveries of an item before its failure is final (the Functions queue trigger's default maxDequeueCount).</summary>
    public const int MaxAttempts = 5;

    /// <summary>Handles one message, delivered for the <paramref name="dequeueCount"/>th time; throws to have it delivered again.</summary>
    public async Task HandleAsync(string message, long dequeueCount, CancellationToken cancellationToken)
    {
        if (BucketWorkItem.Deserialize(message) is not { } item)
        {
            LogNotAnItem(message);
            return;
        }

        if (await runs.GetAsync(item.RunId, cancellationToken).ConfigureAwait(false) is not { Status: RunStatus.Running })
        {
            // The run ended (a failed attempt's items left in the queue): its blobs and rows are gone and stay so.
            LogStale(item.RunId, item.RowKey);
            return;
        }

        try
        {
            var lines = await DoAsync(item, cancellationToken).ConfigureAwait(false);
            await progress.RecordAsync(item, lines, null, dequeueCount, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && dequeueCount >= MaxAttempts)
        {
            var reason = $"bucket {item.Bucket} failed in pass '{item.Phase}' {dequeueCount} times: {RunFailure.Describe(ex)}";
            LogGaveUp(ex, item.RunId, reason);
            await progress.RecordAsync(item, 0, reason, dequeueCount, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<long> DoAsync(BucketWorkItem item, CancellationToken cancellationToken)
    {
        switch (item.Phase)
        {
            case BucketPhases.Summarise:
                return await work.SummariseAsync(item.RunId, item.Bucket, cancellationToken).ConfigureAwait(false);
            case BucketPhases.Rank:
                await work.RankAsync(item.RunId, item.Bucket, cancellationToken).ConfigureAwait(false);
                return 0;
            default:
                // Writes the bucket's rows and its outcome blob (both overwritten alike by a redelivered item).
                return (await work.ScoreAsync(item.RunId, item.Bucket, cancellationToken).ConfigureAwait(false)).Customers;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Bucket work: a message that is not a work item was dropped: {Message}")]
    private partial void LogNotAnItem(string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bucket work: run {RunId} is not running; item {Item} dropped")]
    private partial void LogStale(string runId, string item);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId}: {Reason}")]
    private partial void LogGaveUp(Exception error, string runId, string reason);
}
