using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Segments.Functions.Configuration;
using Segments.Pipeline.Recompute;
using Segments.Storage.Account;

namespace Segments.Functions.Recompute;

/// <summary>
/// The queue trigger on <c>recompute-requests</c>: executes a queued run. The pipeline writes the run id
/// Base64-encoded, which is what the queue trigger decodes by default (host.json says so explicitly).
/// </summary>
public sealed partial class ExecuteRun(RecomputeSegmentsHandler handler, ILogger<ExecuteRun> logger)
{
    /// <summary>
    /// Executes the run; a redelivered request for a finished run is a no-op. A failure that escapes the
    /// handler (storage, not the computation, which the handler records) is retried by the runtime.
    /// </summary>
    [Function(nameof(ExecuteRun))]
    public async Task RunAsync(
        [QueueTrigger(StorageNames.RunRequestsQueue, Connection = StorageConnection.Setting)] string runId,
        CancellationToken cancellationToken)
    {
        var run = await handler.ExecuteAsync(runId, cancellationToken).ConfigureAwait(false);
        LogExecuted(runId, run?.Status ?? "unknown run");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: {Status}")]
    private partial void LogExecuted(string runId, string status);
}
