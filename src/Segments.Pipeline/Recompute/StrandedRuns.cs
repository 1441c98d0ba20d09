using Microsoft.Extensions.Logging;
using Segments.Storage.Blobs;
using Segments.Storage.Generations;
using Segments.Storage.Recommendations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Recompute;

/// <summary>
/// Finds runs left <c>running</c> by a runner that died (host killed, storage gone longer than the lease) and
/// fails them with the reason, and removes what unfinished runs left behind: generation tables and segment
/// profile and recommendation blobs no succeeded run names. A run is stranded exactly when it is marked running while the run
/// lease is free: a live runner renews the lease every <see cref="RunLease.RenewEvery"/>, a dead one lets it
/// expire within <see cref="RunLease.Duration"/>. Checked when a host starts and every <see cref="CheckEvery"/>,
/// so a stranded run is failed within a minute; a failed run is not executed again (request a new one).
/// </summary>
public sealed partial class StrandedRuns(
    RunLedger runs,
    GenerationStore generations,
    SegmentProfileStore profiles,
    RunLease lease,
    TimeProvider time,
    ILogger<StrandedRuns> logger,
    RecommendationStore? recommendations = null)
{
    /// <summary>How often a host looks for stranded runs; with the lease's duration, detection takes under a minute.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(15);

    /// <summary>The reason a stranded run's ledger row gives.</summary>
    public const string Reason = "stranded: its runner stopped before the run finished (host stopped or killed, or storage unreachable longer than the run lease); the previous generation stayed active";

    /// <summary>Checks now and then every <see cref="CheckEvery"/> until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        var first = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(removeLeftovers: first, cancellationToken).ConfigureAwait(false);
                first = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage may be down; the next check tries again.
                LogCheckFailed(RunFailure.Describe(ex));
            }

            await Task.Delay(CheckEvery, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Settles the stranded runs (and, when asked or when some were found, removes leftovers), unless another
    /// runner holds the lease; returns the runs it settled.
    /// </summary>
    public async Task<IReadOnlyList<RunRecord>> SweepAsync(bool removeLeftovers, CancellationToken cancellationToken)
    {
        // The cheap check first, without the lease: most of the time no run is marked running.
        if (!removeLeftovers && !(await runs.ListAsync(cancellationToken).ConfigureAwait(false)).Any(r => r.Status == RunStatus.Running))
        {
            return [];
        }

        var held = await lease.TryAcquireAsync(cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            // A live runner has it: a run marked running is running.
            return [];
        }

        await using (held.ConfigureAwait(false))
        {
            return await FailStrandedAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Under the run lease: every run marked running is stranded. Fails them, except one the active pointer
    /// already names (its runner died between the flip and the last write: it is complete and live, so it
    /// succeeded), and removes leftovers. Returns the settled runs.
    /// </summary>
    internal async Task<IReadOnlyList<RunRecord>> FailStrandedAsync(CancellationToken cancellationToken)
    {
        var settled = new List<RunRecord>();
        var active = await runs.GetActiveAsync(cancellationToken).ConfigureAwait(false);
        foreach (var run in (await runs.ListAsync(cancellationToken).ConfigureAwait(false)).Where(r => r.Status == RunStatus.Running))
        {
            var live = run.RunId == active?.RunId;
            var outcome = live
                ? run with { Status = RunStatus.Succeeded, FinishedAt = time.GetUtcNow() }
                : run with { Status = RunStatus.Failed, FinishedAt = time.GetUtcNow(), Error = Reason, GenerationTable = null, SegmentProfilesBlob = null };
            if (!live)
            {
                // Removed before the row says failed, so a failed run never has anything left.
                await generations.DeleteAsync(GenerationStore.TableNameFor(run.RunId), cancellationToken).ConfigureAwait(false);
                await profiles.DeleteAsync(run.RunId, cancellationToken).ConfigureAwait(false);
                await (recommendations?.DeleteAsync(run.RunId, cancellationToken) ?? Task.CompletedTask).ConfigureAwait(false);
            }

            await runs.SaveAsync(outcome, cancellationToken).ConfigureAwait(false);
            LogStranded(run.RunId, run.StartedAt, outcome.Status);
            settled.Add(outcome);
        }

        await RemoveLeftoversAsync(cancellationToken).ConfigureAwait(false);
        return settled;
    }

    /// <summary>
    /// Under the run lease: deletes every generation table, segment profile blob and recommendations blob (and container of bucket lists) that neither the active
    /// pointer nor a succeeded run names (half-written by a run that failed or died).
    /// </summary>
    internal async Task RemoveLeftoversAsync(CancellationToken cancellationToken)
    {
        var all = await runs.ListAsync(cancellationToken).ConfigureAwait(false);
        var active = await runs.GetActiveAsync(cancellationToken).ConfigureAwait(false);
        var succeeded = all.Where(r => r.Status == RunStatus.Succeeded).ToList();
        var keptTables = succeeded.Select(r => r.GenerationTable).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (active is not null)
        {
            keptTables.Add(active.GenerationTable);
        }

        foreach (var table in await generations.ListTablesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!keptTables.Contains(table))
            {
                await generations.DeleteAsync(table, cancellationToken).ConfigureAwait(false);
                LogLeftoverRemoved("generation table", table);
            }
        }

        var keptProfiles = succeeded.Where(r => r.SegmentProfilesBlob is not null).Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);
        if (active is not null)
        {
            keptProfiles.Add(active.RunId);
        }

        foreach (var runId in await profiles.ListRunIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!keptProfiles.Contains(runId))
            {
                await profiles.DeleteAsync(runId, cancellationToken).ConfigureAwait(false);
                LogLeftoverRemoved("segment profiles", SegmentProfileStore.BlobNameFor(runId));
            }
        }

        if (recommendations is null)
        {
            return;
        }

        var keptRecommendations = succeeded.Where(r => r.Recommendations is not null).Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);
        if (active is not null)
        {
            keptRecommendations.Add(active.RunId);
        }

        foreach (var runId in await recommendations.ListRunIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!keptRecommendations.Contains(runId))
            {
                await recommendations.DeleteAsync(runId, cancellationToken).ConfigureAwait(false);
                LogLeftoverRemoved("recommendations", RecommendationStore.BlobNameFor(runId));
            }
        }

        foreach (var container in await recommendations.DeleteBucketContainersExceptAsync(keptRecommendations, cancellationToken).ConfigureAwait(false))
        {
            LogLeftoverRemoved("container of recommendation lists", container);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} (started {StartedAt:O}) was stranded: its runner stopped without finishing; marked {Status}")]
    private partial void LogStranded(string runId, DateTimeOffset? startedAt, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed a leftover {What} of an unfinished run: {Name}")]
    private partial void LogLeftoverRemoved(string what, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check for stranded runs: {Reason}")]
    private partial void LogCheckFailed(string reason);
}
