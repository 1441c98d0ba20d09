using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Recompute;

namespace Segments.Host.Triggers;

/// <summary>
/// The local timer trigger: at each occurrence of the NCRONTAB schedule (UTC), queues a recompute as of
/// that day. Several instances firing the same tick queue one run (the run id is the occurrence).
/// </summary>
internal sealed partial class RecomputeTimer(
    RunRequests requests,
    TimeProvider time,
    IOptions<SegmentsOptions> options,
    ILogger<RecomputeTimer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var (schedule, problem) = NcrontabSchedule.Parse(options.Value.Schedule);
        if (schedule is null)
        {
            throw new InvalidOperationException(problem);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            LogNext(options.Value.Schedule, next);
            await Task.Delay(next - now, time, stoppingToken).ConfigureAwait(false);
            try
            {
                var run = await requests.RequestScheduledAsync(next, stoppingToken).ConfigureAwait(false);
                if (run is not null)
                {
                    LogQueued(run.RunId);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex, next);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer: schedule '{Schedule}', next occurrence {Next:u}")]
    private partial void LogNext(string schedule, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer: queued run {RunId}")]
    private partial void LogQueued(string runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer: could not queue the run of {Occurrence:u}")]
    private partial void LogFailed(Exception error, DateTimeOffset occurrence);
}
