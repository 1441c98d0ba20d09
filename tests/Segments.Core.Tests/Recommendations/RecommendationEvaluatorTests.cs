using Segments.Core.Events;
using Segments.Core.Recommendations;
using static Segments.Core.Tests.Recommendations.PurchaseFixtures;

namespace Segments.Core.Tests.Recommendations;

/// <summary>
/// Holdout from 2011-09-01 to 2011-12-01 (91 days): A buys p3, E buys p2 and p4, F (new) buys p1; B buys p1 again.
/// Customers on both sides: A, B, E. B's only holdout product was bought before, so nothing new to find.
/// </summary>
public sealed class RecommendationEvaluatorTests
{
    private static readonly DateOnly End = new(2011, 12, 1);
    private static readonly RecommendationOptions TopTwo = new() { Top = 2 };

    private static HoldoutSplit Split()
    {
        var lines = Training();
        lines.Add(Line("A", "p3", new DateOnly(2011, 10, 1)));
        lines.Add(Line("E", "p2", new DateOnly(2011, 10, 1)));
        lines.Add(Line("E", "p4", new DateOnly(2011, 11, 1)));
        lines.Add(Line("F", "p1", new DateOnly(2011, 11, 1)));
        lines.Add(Line("B", "p1", new DateOnly(2011, 11, 1)));
        lines.Add(Line("A", "p4", new DateOnly(2011, 12, 2)));
        return HoldoutSplit.Create(lines, Array.Empty<ResolvedEvent>(), End, TopTwo);
    }

    [Fact]
    public void The_split_holds_out_the_last_91_days_up_to_the_end_inclusive()
    {
        var split = Split();

        Assert.Equal(new DateOnly(2011, 9, 1), split.HoldoutStart);
        Assert.Equal(["A", "B", "E", "F"], split.Holdout.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["p3"], split.Holdout["A"]);
    }

    [Fact]
    public void Cosine_metrics_are_hit_rate_recall_and_ndcg_over_customers_on_both_sides()
    {
        var split = Split();
        var recommender = new Recommender(split.Training, ItemCosineModel.Fit(split.Training, 10), RecommendationModelKind.ItemCosine, TopTwo);

        var metrics = RecommendationEvaluator.Measure(recommender, split, 2, TopTwo);

        // A: [p3, p4], p3 found first (recall 1, NDCG 1). E: [p3, p2], p2 second of {p2, p4}: recall 0.5,
        // NDCG (1/log2 3) / (1 + 1/log2 3) = 0.3869. B: nothing new bought, a miss. Means over 3 customers.
        Assert.Equal(3, metrics.Customers);
        Assert.Equal(0.6667, metrics.HitRate);
        Assert.Equal(0.5, metrics.Recall);
        Assert.Equal(0.4623, metrics.Ndcg);
    }

    [Fact]
    public void Popularity_is_measured_the_same_way()
    {
        var split = Split();
        var recommender = new Recommender(split.Training, null, RecommendationModelKind.Popularity, TopTwo);

        var metrics = RecommendationEvaluator.Measure(recommender, split, 2, TopTwo);

        // A: [p3, p4] recall 1, NDCG 1. E: [p2, p3], p2 first: recall 0.5, NDCG 1 / 1.6309 = 0.6131.
        Assert.Equal((3, 0.6667, 0.5, 0.5377), (metrics.Customers, metrics.HitRate, metrics.Recall, metrics.Ndcg));
    }

    [Fact]
    public void The_engine_measures_every_model_and_serves_the_one_with_the_best_hit_rate()
    {
        var evaluation = RecommendationEngine.Evaluate(Split(), TopTwo with { EaseLambdas = [1, 10] });

        Assert.Equal(
            [(RecommendationModelKind.Popularity, (double?)null), (RecommendationModelKind.ItemCosine, null), (RecommendationModelKind.Ease, 1), (RecommendationModelKind.Ease, 10)],
            evaluation.Models.Select(m => (m.Model, m.Lambda)));
        Assert.Equal(evaluation.Models.Max(m => m.HitRate), evaluation.ChosenMetrics.HitRate);
        Assert.All(evaluation.Models, m => Assert.True(double.IsFinite(m.Ndcg)));
    }

    [Fact]
    public void The_run_recommends_for_every_customer_and_falls_back_for_those_without_history()
    {
        var lines = Training();
        var result = RecommendationEngine.Run(lines, Array.Empty<ResolvedEvent>(), End, ["A", "ghost"], TopTwo);

        Assert.Equal(["A", "B", "C", "D", "E", "ghost"], result.Customers.Select(c => c.CustomerId));
        var ghost = result.Customers[^1];
        Assert.True(ghost.Fallback);
        Assert.Equal(["p1", "p2"], ghost.Items.Select(i => i.Product));
    }
}
