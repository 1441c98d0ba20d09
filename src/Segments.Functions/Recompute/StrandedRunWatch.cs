using Microsoft.Extensions.Hosting;
using Segments.Pipeline.Recompute;

namespace Segments.Functions.Recompute;

/// <summary>
/// Looks for stranded runs when the worker starts and every 15 s after (<see cref="StrandedRuns"/>), as the
/// local host does: a run whose instance died is failed within a minute instead of waiting for the queue
/// message to become visible again (10 minutes). A worker service, not a function: it needs no trigger.
/// </summary>
internal sealed class StrandedRunWatch(StrandedRuns stranded) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => stranded.WatchAsync(stoppingToken);
}
