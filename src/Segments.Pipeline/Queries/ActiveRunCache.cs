using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;
using Segments.Storage.Account;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Queries;

/// <summary>
/// The active-run pointer, read at most once per <see cref="SegmentsOptions.ActiveRunCacheSeconds"/>: a
/// lookup then costs no pointer read, and a flip reaches the lookups of this instance within that time.
/// When a refresh finds storage unreachable, the last pointer read keeps being served, marked stale, and
/// storage is asked again at most every <see cref="OutageRecheck"/> (or the cache time, if longer), so lookups
/// the instance holds in memory go on being answered through an outage and pick up new runs when it ends.
/// </summary>
public sealed partial class ActiveRunCache(RunLedger runs, IOptions<SegmentsOptions> options, TimeProvider time, ILogger<ActiveRunCache> logger)
{
    /// <summary>How long a failed refresh is trusted before storage is asked again.</summary>
    public static readonly TimeSpan OutageRecheck = TimeSpan.FromSeconds(2);

    private volatile Snapshot? _snapshot;

    /// <summary>The active run (null before the first run); <paramref name="bypass"/> reads the pointer now.</summary>
    public async ValueTask<ActiveRun?> GetAsync(bool bypass, CancellationToken cancellationToken) =>
        (await ReadAsync(bypass, cancellationToken).ConfigureAwait(false)).Run;

    /// <summary>
    /// The active run and whether it is a stale copy served because storage did not answer. <paramref name="bypass"/>
    /// (a client's <c>Cache-Control: no-cache</c>) reads the pointer now and takes no stale copy: it fails with the outage.
    /// </summary>
    public async ValueTask<ActiveRunRead> ReadAsync(bool bypass, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        var last = _snapshot;
        if (!bypass && last is not null && now < last.ExpiresAt)
        {
            return new ActiveRunRead(last.Run, last.Stale);
        }

        try
        {
            var run = await runs.GetActiveAsync(cancellationToken).ConfigureAwait(false);
            if (last is { Stale: true })
            {
                LogRecovered(run?.RunId);
            }

            _snapshot = new Snapshot(run, now + Ticks(TimeSpan.FromSeconds(options.Value.ActiveRunCacheSeconds)), Stale: false);
            return new ActiveRunRead(run, Stale: false);
        }
        catch (Exception ex) when (!bypass && last is not null && StorageFaults.IsUnreachable(ex, cancellationToken.IsCancellationRequested))
        {
            if (!last.Stale)
            {
                LogServingStale(last.Run?.RunId, ex.Message.Split('\n')[0]);
            }

            var recheck = TimeSpan.FromSeconds(Math.Max(OutageRecheck.TotalSeconds, options.Value.ActiveRunCacheSeconds));
            _snapshot = last with { ExpiresAt = time.GetTimestamp() + Ticks(recheck), Stale = true };
            return new ActiveRunRead(last.Run, Stale: true);
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage did not answer the active-run refresh ({Reason}): lookups keep the last pointer read (run {RunId}) and answer from memory until it does")]
    private partial void LogServingStale(string? runId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage answers again: the active run is {RunId}")]
    private partial void LogRecovered(string? runId);

    private sealed record Snapshot(ActiveRun? Run, long ExpiresAt, bool Stale);
}
