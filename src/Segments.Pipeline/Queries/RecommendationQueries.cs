using Segments.Core.Recommendations;
using Segments.Storage.Account;
using Segments.Storage.Recommendations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Queries;

/// <summary>
/// The active run's recommendations. The run's blob is read once per run and kept (one run's at a time): every
/// customer and segment question of that run is then answered from memory. A run scored bucket by bucket keeps its
/// customers' lists per bucket: a customer's bucket is read when asked for, and the last few buckets are kept.
/// </summary>
public sealed class RecommendationQueries(ActiveRunCache activeRun, RunLedger runs, RecommendationStore store)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private const int BucketsKept = 4;

    private readonly Lock _bucketsGate = new();
    private readonly LinkedList<(string RunId, int Bucket, IReadOnlyDictionary<string, CustomerRecommendations> Lists)> _buckets = new();
    private RecommendationSet? _current;

    /// <summary>The list of <paramref name="customerId"/> (normalised) in <paramref name="set"/>; null when it has none.</summary>
    public async Task<CustomerRecommendations?> CustomerAsync(RecommendationSet set, string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.CustomerBuckets is not { } buckets)
        {
            return set.Customers.GetValueOrDefault(customerId);
        }

        var bucket = CustomerBucket.IndexOf(customerId, buckets);
        lock (_bucketsGate)
        {
            for (var node = _buckets.First; node is not null; node = node.Next)
            {
                if (node.Value.RunId == set.RunId && node.Value.Bucket == bucket)
                {
                    _buckets.Remove(node);
                    _buckets.AddFirst(node);
                    return node.Value.Lists.GetValueOrDefault(customerId);
                }
            }
        }

        var lists = await store.ReadBucketAsync(set.RunId, bucket, cancellationToken).ConfigureAwait(false);
        lock (_bucketsGate)
        {
            _buckets.AddFirst((set.RunId, bucket, lists));
            while (_buckets.Count > BucketsKept)
            {
                _buckets.RemoveLast();
            }
        }

        return lists.GetValueOrDefault(customerId);
    }

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
