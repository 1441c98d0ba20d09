using Segments.Storage.Recommendations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Queries;

/// <summary>
/// The active run's recommendations. The run's blob is read once per run and kept (one run's at a time): every
/// customer and segment question of that run is then answered from memory.
/// </summary>
public sealed class RecommendationQueries(ActiveRunCache activeRun, RunLedger runs, RecommendationStore store)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private RecommendationSet? _current;

    /// <summary>The active run and its recommendations (null when it has none); both null before the first run.</summary>
    public async Task<(RunRecord? Run, RecommendationSet? Set)> ActiveAsync(CancellationToken cancellationToken)
    {
        var pointer = await activeRun.GetAsync(bypass: false, cancellationToken).ConfigureAwait(false);
        if (pointer is null)
        {
            return (null, null);
        }

        var run = await runs.GetAsync(pointer.RunId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return (null, null);
        }

        if (_current?.RunId == run.RunId)
        {
            return (run, _current);
        }

        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current?.RunId != run.RunId)
            {
                _current = await store.ReadAsync(run.RunId, cancellationToken).ConfigureAwait(false) ?? _current;
            }

            return (run, _current?.RunId == run.RunId ? _current : null);
        }
        finally
        {
            _loading.Release();
        }
    }
}
