using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Queries;

/// <summary>
/// The active-run pointer, read at most once per <see cref="SegmentsOptions.ActiveRunCacheSeconds"/>: a
/// lookup then costs no pointer read, and a flip reaches the lookups of this instance within that time.
/// </summary>
public sealed class ActiveRunCache(RunLedger runs, IOptions<SegmentsOptions> options, TimeProvider time)
{
    private volatile Snapshot? _snapshot;

    /// <summary>The active run (null before the first run); <paramref name="bypass"/> reads the pointer now.</summary>
    public async ValueTask<ActiveRun?> GetAsync(bool bypass, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        if (!bypass && _snapshot is { } snapshot && now < snapshot.ExpiresAt)
        {
            return snapshot.Run;
        }

        var run = await runs.GetActiveAsync(cancellationToken).ConfigureAwait(false);
        _snapshot = new Snapshot(run, now + (options.Value.ActiveRunCacheSeconds * time.TimestampFrequency));
        return run;
    }

    private sealed record Snapshot(ActiveRun? Run, long ExpiresAt);
}
