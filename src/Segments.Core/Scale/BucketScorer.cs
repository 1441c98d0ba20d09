using Segments.Core.Clustering;
using Segments.Core.Lifecycle;
using Segments.Core.Rfm;
using Segments.Core.Rules;
using Segments.Core.Segmentation;
using Segments.Core.Transactions;

namespace Segments.Core.Scale;

/// <summary>
/// Pass 2 of bucketed scoring: one bucket's customers scored against the population's <see cref="PopulationModel"/>,
/// each exactly as <see cref="SegmentationEngine.Compute(IReadOnlyList{RuleSegment}, IReadOnlyDictionary{string, Profiles.CustomerProfileFields}?, Products.ProductCatalog?, IReadOnlyDictionary{string, Events.CustomerEventHistory}?)"/>
/// scores them within the whole population.
/// </summary>
public static class BucketScorer
{
    /// <summary>
    /// The spend-ranking keys of the bucket's predicted customers (the pass between fitting and scoring; see
    /// <see cref="SpendRanking"/>).
    /// </summary>
    public static SpendRanking Rank(IEnumerable<TransactionLine> lines, PopulationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var facts = new BucketFacts(lines, model.AsOf, keepProducts: false);
        var metrics = facts.Metrics().ToDictionary(m => m.CustomerId, StringComparer.Ordinal);
        var histories = facts.Histories().ToDictionary(h => h.CustomerId, StringComparer.Ordinal);
        var ranking = new SpendRanking();
        foreach (var (id, prediction) in BucketPredictions.Predict(facts, model, metrics, histories))
        {
            ranking.Add(BucketPredictions.RankKey(id, prediction));
        }

        return ranking;
    }

    /// <summary>
    /// Every customer of the bucket with a non-cancelled order, ordered by id, with every segment. Needs the model's
    /// <see cref="PopulationModel.SpendTiers"/> when the model predicts.
    /// </summary>
    public static IReadOnlyList<CustomerSegmentation> Score(
        IEnumerable<TransactionLine> lines,
        PopulationModel model,
        IReadOnlyList<RuleSegment> rules,
        IReadOnlyDictionary<string, Profiles.CustomerProfileFields>? profiles = null,
        Products.ProductCatalog? products = null,
        IReadOnlyDictionary<string, Events.CustomerEventHistory>? events = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rules);
        var day = model.AsOf;
        var facts = new BucketFacts(lines, day, keepProducts: true);
        var metricsList = facts.Metrics();
        var metrics = metricsList.ToDictionary(m => m.CustomerId, StringComparer.Ordinal);
        var histories = facts.Histories().ToDictionary(h => h.CustomerId, StringComparer.Ordinal);
        var predictions = BucketPredictions.Predict(facts, model, metrics, histories);
        if (predictions.Count > 0 && model.SpendTiers is null)
        {
            throw new InvalidOperationException("The model has no spend tier boundaries: rank every bucket (BucketScorer.Rank), merge the rankings and set PopulationModel.SpendTiers first.");
        }

        var placement = new ClusterPlacement(model.Clusters);
        var customers = new List<CustomerSegmentation>(metricsList.Count);
        foreach (var measured in metricsList)
        {
            var id = measured.CustomerId;
            var score = RfmScorer.ScoreOne(measured, model.Rfm);
            var history = histories[id];
            var stage = LifecycleStageNames.NameOf(LifecycleClassifier.Assess(history, day, model.Lifecycle).Stage);
            var cluster = placement.NumberOf(measured);
            var prediction = predictions.GetValueOrDefault(id) is { } p ? p with { SpendTier = model.SpendTiers!.TierOf(BucketPredictions.RankKey(id, p)) } : null;
            var bought = facts.ProductsOf(id);
            var profile = profiles is not null && profiles.TryGetValue(id, out var fields) ? fields.AsOf(day) : null;
            customers.Add(CustomerSegmenter.Segment(score, history, stage, cluster, prediction, bought, profile, day, rules, products, events));
        }

        return customers;
    }
}
