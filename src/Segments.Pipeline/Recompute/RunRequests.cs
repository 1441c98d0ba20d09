using Segments.Storage.Queues;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Recompute;

/// <summary>Asks for a recompute: a queued Runs row plus a message on the request queue.</summary>
public sealed class RunRequests(RunLedger runs, RunRequestQueue queue, TimeProvider time)
{
    /// <summary>
    /// Queues a run as of <paramref name="asOf"/> (default: today, UTC); <paramref name="allowEmpty"/> lets a run
    /// with no customers replace an active generation that has some.
    /// </summary>
    public async Task<RunRecord> RequestAsync(DateOnly? asOf, string trigger, CancellationToken cancellationToken, bool allowEmpty = false)
    {
        var now = time.GetUtcNow();
        var run = new RunRecord
        {
            RunId = RunIds.New(now),
            AsOf = asOf ?? DateOnly.FromDateTime(now.UtcDateTime),
            Status = RunStatus.Queued,
            Trigger = trigger,
            RequestedAt = now,
            AllowEmpty = allowEmpty,
        };
        await runs.SaveAsync(run, cancellationToken).ConfigureAwait(false);
        await queue.EnqueueAsync(run.RunId, cancellationToken).ConfigureAwait(false);
        return run;
    }

    /// <summary>
    /// Queues the run of one schedule occurrence, as of that occurrence's date. The run id is derived from
    /// the occurrence, so however many host instances fire the same tick, one run is queued; returns null
    /// for the instances that came second.
    /// </summary>
    public async Task<RunRecord?> RequestScheduledAsync(DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        var run = new RunRecord
        {
            RunId = RunIds.ForOccurrence(occurrence),
            AsOf = DateOnly.FromDateTime(occurrence.UtcDateTime),
            Status = RunStatus.Queued,
            Trigger = "timer",
            RequestedAt = time.GetUtcNow(),
        };
        if (!await runs.TryAddAsync(run, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        await queue.EnqueueAsync(run.RunId, cancellationToken).ConfigureAwait(false);
        return run;
    }
}
