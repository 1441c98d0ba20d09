using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Scale;
using Segments.Storage.Account;
using Segments.Storage.Queues;

namespace Segments.Host.Triggers;

/// <summary>
/// The local host's queue trigger on <c>bucket-work</c> (<c>ProcessBucketWork</c> in the Functions app): one bucket work
/// item at a time (an item is CPU-bound; other instances take the rest). A handled message is deleted; one that
/// failed reappears a second later (as the Functions trigger retries at once), and its handler records the failure
/// on the last delivery; one being worked on is kept hidden (<see cref="MessageKeptHidden"/>), and one whose instance dies
/// reappears after <see cref="SegmentsOptions.BucketWorkVisibilitySeconds"/>.
/// </summary>
internal sealed partial class BucketWorkListener(
    BucketWorkQueue queue,
    BucketWorkHandler handler,
    IOptions<SegmentsOptions> options,
    TimeProvider time,
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
                // Hidden while the item is worked on, however long a bucket takes; the visibility is only how soon a
                // dead worker's item reappears.
                var hidden = new MessageKeptHidden(message, visibility, queue.HideAsync, LogNotKeptHidden, time);
                Exception? failure = null;
                try
                {
                    await handler.HandleAsync(message.Body.ToString(), message.DequeueCount, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failure = ex;
                }
                finally
                {
                    await hidden.DisposeAsync().ConfigureAwait(false);
                }

                if (failure is null)
                {
                    await queue.CompleteAsync(hidden.Current, stoppingToken).ConfigureAwait(false);
                }
                else
                {
                    LogFailed(failure, message.DequeueCount);
                    await queue.RetryAsync(hidden.Current, RetryAfter, stoppingToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bucket work listener: the item being worked on could not be kept hidden; it may be delivered again (an item is idempotent)")]
    private partial void LogNotKeptHidden(Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bucket work listener: receiving failed")]
    private partial void LogListenerFailed(Exception error);
}
