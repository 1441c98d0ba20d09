using Segments.Pipeline.Recompute;

namespace Segments.Host.Triggers;

/// <summary>Looks for stranded runs when the host starts and every 15 s after (<see cref="StrandedRuns"/>).</summary>
internal sealed class StrandedRunWatch(StrandedRuns stranded) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => stranded.WatchAsync(stoppingToken);
}
