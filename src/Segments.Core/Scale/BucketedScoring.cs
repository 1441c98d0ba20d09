using Segments.Core.Rules;
using Segments.Core.Segmentation;
using Segments.Core.Transactions;

namespace Segments.Core.Scale;

/// <summary>
/// Scoring bucket by bucket, with results identical to <see cref="SegmentationEngine.Compute(IReadOnlyList{RuleSegment})"/>
/// over the whole population, holding one bucket's lines at a time. The run (and a queue-triggered worker per bucket)
/// calls, in order:
/// <list type="number">
/// <item><see cref="Summarise"/> per bucket, then <see cref="Merge"/> (any order; a summary travels as
/// <see cref="PopulationSummaryFormat"/> bytes);</item>
/// <item><see cref="Fit"/> once on the merged summary (deterministic: a worker may fit it again);</item>
/// <item><see cref="Rank"/> per bucket, then <see cref="WithSpendTiers"/>: the spend tiers rank customers by a value
/// only the fitted models give, so they need this pass of their own;</item>
/// <item><see cref="Score"/> per bucket: the bucket's rows, written and dropped.</item>
/// </list>
/// A customer's lines must all be in one bucket. Core does not pick buckets: the caller groups customers (Storage's
/// <c>CustomerBucket</c>) and passes a bucket's index with its lines.
/// </summary>
public static class BucketedScoring
{
    /// <summary>Pass 1: the population summary of one bucket.</summary>
    public static PopulationSummary Summarise(int bucket, IEnumerable<TransactionLine> lines, DateOnly asOf, PredictionOptions? options = null, int clusterSampleSize = PopulationSummary.DefaultClusterSampleSize) =>
        BucketSummariser.Summarise(bucket, lines, asOf, (options ?? new PredictionOptions()).HoldoutDays, clusterSampleSize);

    /// <summary>The summaries of disjoint buckets as one.</summary>
    public static PopulationSummary Merge(IEnumerable<PopulationSummary> summaries) => PopulationSummary.Merge(summaries);

    /// <summary>The cut points, thresholds, clusters and models of the merged population.</summary>
    public static PopulationModel Fit(PopulationSummary merged, PredictionOptions? options = null) => PopulationModelFitter.Fit(merged, options);

    /// <summary>The spend-ranking keys of one bucket.</summary>
    public static SpendRanking Rank(IEnumerable<TransactionLine> lines, PopulationModel model) => BucketScorer.Rank(lines, model);

    /// <summary><paramref name="model"/> with the spend tier boundaries of every bucket's ranking.</summary>
    public static PopulationModel WithSpendTiers(PopulationModel model, IEnumerable<SpendRanking> rankings)
    {
        ArgumentNullException.ThrowIfNull(model);
        var all = new SpendRanking();
        foreach (var ranking in rankings)
        {
            all.AddAll(ranking);
        }

        return model with { SpendTiers = all.Cuts() };
    }

    /// <summary>Pass 2: one bucket's customers with every segment, ordered by id.</summary>
    public static IReadOnlyList<CustomerSegmentation> Score(
        IEnumerable<TransactionLine> lines,
        PopulationModel model,
        IReadOnlyList<RuleSegment> rules,
        IReadOnlyDictionary<string, Profiles.CustomerProfileFields>? profiles = null,
        Products.ProductCatalog? products = null,
        IReadOnlyDictionary<string, Events.CustomerEventHistory>? events = null) =>
        BucketScorer.Score(lines, model, rules, profiles, products, events);
}
