using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Segments.Pipeline.Recompute;

namespace Segments.Functions.Recompute;

/// <summary>
/// The timer trigger on the six-field NCRONTAB schedule in setting <c>Segments:Schedule</c> (environment
/// <c>Segments__Schedule</c>): queues the recompute of each occurrence, as of that occurrence's date; an
/// invocation through the admin API queues one as of now.
/// </summary>
public sealed partial class RecomputeSegments(RunRequests requests, TimeProvider time, ILogger<RecomputeSegments> logger)
{
    /// <summary>How far ahead of its occurrence a scheduled firing may come, with room to spare.</summary>
    internal static readonly TimeSpan EarlyFiringTolerance = TimeSpan.FromSeconds(30);

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
    /// status is still the one from before it: for a scheduled (or past-due) invocation <c>Next</c> is the
    /// occurrence being fired and <c>Last</c> the one before; both move on only after the function returns
    /// (WebJobs TimerListener.InvokeJobFunction). The timer may fire a little early (under a second of clock
    /// skew, the runtime says), so "now" could name the wrong second or even the wrong day. An invocation
    /// through the admin API (<c>POST /admin/functions/RecomputeSegments</c>, the portal's "Test/Run") reads
    /// the same status, whose <c>Next</c> is then an occurrence still to come: taking it would run as of a
    /// future day and, since the run id is the occurrence, make the real firing queue nothing. So a
    /// <c>Next</c> more than <see cref="EarlyFiringTolerance"/> ahead means an unscheduled invocation, which
    /// stands for now, as does an invocation without schedule monitoring (no status). The runtime writes
    /// local time, which is UTC on Azure; the conversion honours the kind either way.
    /// </summary>
    internal static DateTimeOffset OccurrenceOf(TimerInfo timer, DateTimeOffset now)
    {
        if (timer.ScheduleStatus is { } status && status.Next != default)
        {
            var next = new DateTimeOffset(status.Next).ToUniversalTime();
            if (next - now <= EarlyFiringTolerance)
            {
                return next;
            }
        }

        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer: queued run {RunId} for the occurrence {Occurrence:u}")]
    private partial void LogQueued(string runId, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer: the run of {Occurrence:u} was queued already")]
    private partial void LogAlreadyQueued(DateTimeOffset occurrence);
}
