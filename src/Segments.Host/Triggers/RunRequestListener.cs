using Segments.Pipeline.Recompute;
using Segments.Storage.Account;
using Segments.Storage.Queues;

namespace Segments.Host.Triggers;

/// <summary>Executes queued run requests one at a time (the queue trigger of the Functions adapter).</summary>
internal sealed partial class RunRequestListener(
    RunRequestQueue queue,
    RecomputeSegmentsHandler handler,
    TimeProvider time,
    ILogger<RunRequestListener> logger) : BackgroundService
{
    // A message that keeps failing is dropped after this many deliveries, as Functions' maxDequeueCount.
    private const int MaxDeliveries = 5;
    // Each extension of a handled message's visibility (MessageKeptHidden); a host that dies leaves it to reappear after this.
    private static readonly TimeSpan Visibility = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogListening(StorageNames.RunRequestsQueue);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var message = await queue.ReceiveAsync(Visibility, stoppingToken).ConfigureAwait(false);
                if (message is null)
                {
                    await Task.Delay(IdlePoll, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                var runId = message.Body.ToString();
                // Hidden for as long as the run goes, however long (as the Functions trigger keeps its message).
                var hidden = new MessageKeptHidden(message, Visibility, queue.HideAsync, LogNotKeptHidden, time);
                try
                {
                    if (message.DequeueCount > MaxDeliveries)
                    {
                        LogGaveUp(runId, MaxDeliveries);
                    }
                    else
                    {
                        var run = await handler.ExecuteAsync(runId, stoppingToken).ConfigureAwait(false);
                        LogExecuted(runId, run?.Status ?? "unknown run");
                    }
                }
                finally
                {
                    await hidden.DisposeAsync().ConfigureAwait(false);
                }

                await queue.CompleteAsync(hidden.Current, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
                await Task.Delay(IdlePoll, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run listener: watching queue '{Queue}'")]
    private partial void LogListening(string queue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: {Status}")]
    private partial void LogExecuted(string runId, string status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} dropped after {Deliveries} failed deliveries")]
    private partial void LogGaveUp(string runId, int deliveries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run listener: the request being handled could not be kept hidden; it may be delivered again, and then waits for the run lease")]
    private partial void LogNotKeptHidden(Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run listener: handling a request failed; it will be redelivered")]
    private partial void LogFailed(Exception error);
}
