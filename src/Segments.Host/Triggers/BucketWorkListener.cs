using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Scale;
using Segments.Storage.Account;

namespace Segments.Host.Triggers;

/// <summary>
/// The local host's queue trigger on <c>bucket-work</c> (<c>ProcessBucketWork</c> in the Functions app): one bucket work
/// item at a time (an item is CPU-bound; other instances take the rest). A handled message is deleted; one that
/// failed reappears a second later (as the Functions trigger retries at once), and its handler records the failure
/// on the last delivery; one whose instance dies reappears after <see cref="SegmentsOptions.BucketWorkVisibilitySeconds"/>.
/// </summary>
internal sealed partial class BucketWorkListener(
    BucketWorkQueue queue,
    BucketWorkHandler handler,
    IOptions<SegmentsOptions> options,
    ILogger<BucketWorkListener> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var visibility = TimeSpan.FromSeconds(Math.Max(1, options.Value.BucketWorkVisibilitySeconds));
        LogListening(StorageNames.BucketWorkQueue);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var messages = await queue.ReceiveAsync(1, visibility, stoppingToken).ConfigureAwait(false);
                if (messages.Count == 0)
                {
                    await Task.Delay(IdlePoll, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                var message = messages[0];
                try
                {
                    await handler.HandleAsync(message.Body.ToString(), message.DequeueCount, stoppingToken).ConfigureAwait(false);
                    await queue.CompleteAsync(message, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(ex, message.DequeueCount);
                    await queue.RetryAsync(message, RetryAfter, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogListenerFailed(ex);
                await Task.Delay(IdlePoll, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bucket work listener: watching queue '{Queue}'")]
    private partial void LogListening(string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bucket work item failed on delivery {Delivery}; it will be delivered again")]
    private partial void LogFailed(Exception error, long delivery);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bucket work listener: receiving failed")]
    private partial void LogListenerFailed(Exception error);
}
