using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Segments.Pipeline.Recompute;

namespace Segments.Functions.Recompute;

/// <summary>
/// The timer trigger on the six-field NCRONTAB schedule in setting <c>Segments:Schedule</c> (environment
/// <c>Segments__Schedule</c>): queues the recompute of each occurrence, as of that occurrence's date.
/// </summary>
public sealed partial class RecomputeSegments(RunRequests requests, TimeProvider time, ILogger<RecomputeSegments> logger)
{
    /// <summary>Queues the run of this occurrence; a second firing of the same occurrence queues nothing.</summary>
    [Function(nameof(RecomputeSegments))]
    public async Task RunAsync([TimerTrigger("%Segments:Schedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var occurrence = OccurrenceOf(timer, time.GetUtcNow());
        var run = await requests.RequestScheduledAsync(occurrence, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            LogAlreadyQueued(occurrence);
        }
        else
        {
            LogQueued(run.RunId, occurrence);
        }
    }

    /// <summary>
    /// The schedule occurrence an invocation stands for. While the function runs, the runtime's schedule
    /// status is still the one from before it: <c>Next</c> is the occurrence being fired (for a past-due
    /// invocation, the one that was missed) and <c>Last</c> the one before; both move on only after the
    /// function returns (WebJobs TimerListener.InvokeJobFunction). The timer may fire a little early, so
    /// "now" could name the wrong second or even the wrong day. The runtime writes local time, which is
    /// UTC on Azure; the conversion honours the kind either way. Without schedule monitoring there is no
    /// status, and the current time truncated to the second is the best guess left.
    /// </summary>
    internal static DateTimeOffset OccurrenceOf(TimerInfo timer, DateTimeOffset now) =>
        timer.ScheduleStatus is { } status && status.Next != default
            ? new DateTimeOffset(status.Next).ToUniversalTime()
            : new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer: queued run {RunId} for the occurrence {Occurrence:u}")]
    private partial void LogQueued(string runId, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer: the run of {Occurrence:u} was queued already")]
    private partial void LogAlreadyQueued(DateTimeOffset occurrence);
}
