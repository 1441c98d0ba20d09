using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Segments.Core.Events;
using Segments.Core.Recommendations;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Diagnostics;
using Segments.Pipeline.Queries;
using Segments.Core.Transactions;
using Segments.Storage.Generations;
using Segments.Storage.Recommendations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Recompute;

/// <summary>
/// The recommender's stage of a run: measures the models on the holdout, ranks every customer's next products
/// with the best, lists each segment's, and stores them in one blob per run (<see cref="RecommendationStore"/>); a run
/// scored bucket by bucket does the same from per-bucket statistics and stores its customers' lists per bucket
/// (<see cref="ComputeBucketedAsync"/>).
/// </summary>
public sealed class RunRecommendations(RecommendationStore store, IOptions<RecommendationSettings> settings, ILogger<RunRecommendations> logger)
{
    /// <summary>Whether runs compute recommendations (setting <c>Segments:Recommendations:Enabled</c>).</summary>
    public bool Enabled => settings.Value.Enabled;

    /// <summary>
    /// Computes the run's recommendations from <paramref name="lines"/> (and behaviour <paramref name="events"/>, when
    /// there are any) for the customers of <paramref name="rows"/>; null when the setting turns them off. Pure
    /// computing: <see cref="SaveAsync"/> stores the result.
    /// </summary>
    public RecommendationSet? Compute(
        RunRecord run,
        RecommendationLineCollector lines,
        IReadOnlyCollection<ResolvedEvent> events,
        IReadOnlyList<CustomerSegmentRow> rows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(rows);
        if (!settings.Value.Enabled)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        var options = settings.Value.ToOptions();
        var result = RecommendationEngine.Run(lines.Lines, events, run.AsOf, rows.Select(r => r.CustomerId), options, cancellationToken);
        var byCustomer = result.Customers.ToDictionary(c => c.CustomerId, StringComparer.Ordinal);
        var segments = new Dictionary<string, IReadOnlyList<SegmentRecommendation>>(StringComparer.Ordinal);
        foreach (var segment in SegmentRef.InRun(run))
        {
            var members = rows.Where(segment.Contains).Select(r => byCustomer.GetValueOrDefault(r.CustomerId)).OfType<CustomerRecommendations>();
            segments[segment.Id] = SegmentRecommendationCalculator.For(members, options.Top);
        }

        var summary = new RecommendationRunSummary(
            result.Evaluation,
            result.Served,
            result.Lambda,
            result.Products,
            result.Customers.Count,
            result.Customers.Count(c => c.Fallback),
            clock.ElapsedMilliseconds,
            result.ModelBytes);
        return new RecommendationSet(run.RunId, run.AsOf, summary, byCustomer, segments);
    }

    /// <summary>The collector of a bucketed run's per-bucket statistics; null when the setting turns recommendations off.</summary>
    public BucketedRecommendationPartials? ForBuckets(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return settings.Value.Enabled ? new BucketedRecommendationPartials(run.AsOf, settings.Value.ToOptions()) : null;
    }

    /// <summary>
    /// The recommendations of a run scored bucket by bucket, from the statistics <paramref name="partials"/> added up
    /// as the buckets went by: fits the candidates once, reads each bucket's lines to measure them on its customers, fits
    /// the chosen model once, reads each bucket again to rank its customers and writes that bucket's lists at once
    /// (<see cref="RecommendationStore.WriteBucketAsync"/>), tallying the segments' products as it goes. Returns the
    /// run's document (summary and segments; its customers are in the bucket blobs), for <see cref="SaveAsync"/>.
    /// Whatever is written is removed with the run's recommendations (<see cref="DropAsync"/>).
    /// </summary>
    /// <param name="run">The run, with every family's segments.</param>
    /// <param name="partials">Every bucket's statistics, added up.</param>
    /// <param name="buckets">The state's customer buckets.</param>
    /// <param name="bucketLines">Reads one bucket's lines (every line of its customers).</param>
    /// <param name="bucketRows">Reads one bucket's customers (their generation rows: their segments).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public async Task<RecommendationSet> ComputeBucketedAsync(
        RunRecord run,
        BucketedRecommendationPartials partials,
        int buckets,
        Func<int, CancellationToken, Task<IReadOnlyList<TransactionLine>>> bucketLines,
        Func<int, CancellationToken, IAsyncEnumerable<CustomerSegmentRow>> bucketRows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(partials);
        ArgumentNullException.ThrowIfNull(bucketLines);
        ArgumentNullException.ThrowIfNull(bucketRows);
        var clock = Stopwatch.StartNew();
        var options = settings.Value.ToOptions();
        var candidates = BucketedRecommender.FitCandidates(partials.Statistics, options, cancellationToken);
        StageMemoryLog.Ended(logger, run.RunId, "recommender: candidates fitted");
        var sums = new List<IReadOnlyList<RecommendationMetricSums>>(buckets);
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            sums.Add(BucketedRecommender.Evaluate(candidates, await bucketLines(bucket, cancellationToken).ConfigureAwait(false), [], options, cancellationToken));
        }

        StageMemoryLog.Ended(logger, run.RunId, "recommender: candidates measured");
        var served = BucketedRecommender.Fit(partials.Statistics, BucketedRecommender.Choose(candidates, sums, options), options, cancellationToken);
        StageMemoryLog.Ended(logger, run.RunId, "recommender: served model fitted");
        var segmentRefs = SegmentRef.InRun(run);
        var tallies = segmentRefs.ToDictionary(s => s.Id, _ => new SegmentRecommendationTally(), StringComparer.Ordinal);
        int customers = 0, fallback = 0;
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            var members = new List<CustomerSegmentRow>();
            await foreach (var row in bucketRows(bucket, cancellationToken).ConfigureAwait(false))
            {
                members.Add(row);
            }

            var lists = BucketedRecommender.Recommend(served, await bucketLines(bucket, cancellationToken).ConfigureAwait(false), [], members.Select(r => r.CustomerId), options, cancellationToken)
                .ToDictionary(c => c.CustomerId, StringComparer.Ordinal);
            customers += lists.Count;
            fallback += lists.Values.Count(c => c.Fallback);
            foreach (var segment in segmentRefs)
            {
                var tally = tallies[segment.Id];
                foreach (var member in members.Where(segment.Contains))
                {
                    if (lists.GetValueOrDefault(member.CustomerId) is { } list)
                    {
                        tally.Add(list);
                    }
                }
            }

            await store.WriteBucketAsync(run.RunId, bucket, lists, cancellationToken).ConfigureAwait(false);
        }

        var summary = new RecommendationRunSummary(
            served.Evaluation,
            served.Kind,
            served.Lambda,
            served.Catalogue.Products.Count,
            customers,
            fallback,
            clock.ElapsedMilliseconds,
            served.ModelBytes);
        var segments = tallies.ToDictionary(t => t.Key, t => t.Value.Top(options.Top), StringComparer.Ordinal);
        return new RecommendationSet(run.RunId, run.AsOf, summary, new Dictionary<string, CustomerRecommendations>(StringComparer.Ordinal), segments, buckets);
    }

    /// <summary>Stores <paramref name="set"/> with the run's generation and returns what the run record keeps of it.</summary>
    public async Task<RecommendationRunSummary?> SaveAsync(RecommendationSet? set, CancellationToken cancellationToken)
    {
        if (set is null)
        {
            return null;
        }

        await store.WriteAsync(set, cancellationToken).ConfigureAwait(false);
        return set.Summary;
    }

    /// <summary>Drops a run's recommendations (with its generation).</summary>
    public Task DropAsync(string runId, CancellationToken cancellationToken) => store.DeleteAsync(runId, cancellationToken);
}
