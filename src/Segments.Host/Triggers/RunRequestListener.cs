using Segments.Pipeline.Recompute;
using Segments.Storage.Account;
using Segments.Storage.Queues;

namespace Segments.Host.Triggers;

/// <summary>Executes queued run requests one at a time (the queue trigger of the Functions adapter).</summary>
internal sealed partial class RunRequestListener(
    RunRequestQueue queue,
    RecomputeSegmentsHandler handler,
    ILogger<RunRequestListener> logger) : BackgroundService
{
    // A message that keeps failing is dropped after this many deliveries, as Functions' maxDequeueCount.
    private const int MaxDeliveries = 5;
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
                if (message.DequeueCount > MaxDeliveries)
                {
                    LogGaveUp(runId, MaxDeliveries);
                }
                else
                {
                    var run = await handler.ExecuteAsync(runId, stoppingToken).ConfigureAwait(false);
                    LogExecuted(runId, run?.Status ?? "unknown run");
                }

                await queue.CompleteAsync(message, stoppingToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Run listener: handling a request failed; it will be redelivered")]
    private partial void LogFailed(Exception error);
}
