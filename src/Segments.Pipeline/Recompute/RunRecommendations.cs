using System.Diagnostics;
using Microsoft.Extensions.Options;
using Segments.Core.Events;
using Segments.Core.Recommendations;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Queries;
using Segments.Storage.Generations;
using Segments.Storage.Recommendations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Recompute;

/// <summary>
/// The recommender's stage of a run: measures the models on the holdout, ranks every customer's next products
/// with the best, lists each segment's, and stores them in one blob per run (<see cref="RecommendationStore"/>).
/// </summary>
public sealed class RunRecommendations(RecommendationStore store, IOptions<RecommendationSettings> settings)
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
