using Segments.Core.Events;
using Segments.Core.Recommendations;
using Segments.Core.Scale;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Recommendations;

/// <summary>The recommender bucket by bucket, as a run does it, next to <see cref="RecommendationEngine.Run"/>.</summary>
internal static class BucketedRecommendations
{
    /// <summary>Lines and events split into <paramref name="buckets"/> by the stable hash of the customer id.</summary>
    public static List<(List<TransactionLine> Lines, List<ResolvedEvent> Events)> Split(IEnumerable<TransactionLine> lines, IEnumerable<ResolvedEvent> events, int buckets)
    {
        var split = Enumerable.Range(0, buckets).Select(_ => (Lines: new List<TransactionLine>(), Events: new List<ResolvedEvent>())).ToList();
        foreach (var line in lines)
        {
            split[Of(line.CustomerId, buckets)].Lines.Add(line);
        }

        foreach (var resolved in events)
        {
            // Anonymous events are no customer's: no model reads them.
            if (resolved.CustomerId is { } customer)
            {
                split[Of(customer, buckets)].Events.Add(resolved);
            }
        }

        return split;
    }

    /// <summary>Summarise (adding up), fit, evaluate, choose, fit, recommend: every customer's list, the served model and the best sellers.</summary>
    public static (ServedRecommendationModel Served, List<CustomerRecommendations> Customers, CustomerRecommendations BestSellers) Run(
        List<(List<TransactionLine> Lines, List<ResolvedEvent> Events)> buckets, DateOnly asOf, RecommendationOptions options)
    {
        var merged = new RecommendationStatistics(asOf, options);
        foreach (var (lines, events) in buckets)
        {
            BucketedRecommender.Summarise(merged, lines, events);
        }

        var candidates = BucketedRecommender.FitCandidates(merged, options);
        var evaluation = BucketedRecommender.Choose(candidates, buckets.Select(b => BucketedRecommender.Evaluate(candidates, b.Lines, b.Events, options)).ToList(), options);
        var served = BucketedRecommender.Fit(merged, evaluation, options);
        var customers = buckets
            .SelectMany(b => BucketedRecommender.Recommend(served, b.Lines, b.Events, b.Lines.Select(l => l.CustomerId).Where(id => id.Length > 0).Distinct(), options))
            .OrderBy(c => c.CustomerId, StringComparer.Ordinal)
            .ToList();
        return (served, customers, BucketedRecommender.BestSellers(served, options));
    }

    /// <summary>Asserts the bucketed run chose, measured and recommended as the engine did (scores within float rounding).</summary>
    public static void AssertSameAs(RecommendationResult whole, (ServedRecommendationModel Served, List<CustomerRecommendations> Customers, CustomerRecommendations BestSellers) bucketed)
    {
        var (served, customers, bestSellers) = bucketed;
        Assert.Equal((whole.Served, whole.Lambda, whole.Products, whole.ModelBytes), (served.Kind, served.Lambda, served.Catalogue.Products.Count, served.ModelBytes));
        Assert.Equal(
            (whole.Evaluation.HoldoutStart, whole.Evaluation.HoldoutEnd, whole.Evaluation.TrainingProducts, whole.Evaluation.K, whole.Evaluation.Chosen, whole.Evaluation.Lambda),
            (served.Evaluation.HoldoutStart, served.Evaluation.HoldoutEnd, served.Evaluation.TrainingProducts, served.Evaluation.K, served.Evaluation.Chosen, served.Evaluation.Lambda));
        Assert.Equal(whole.Evaluation.Models.Count, served.Evaluation.Models.Count);
        foreach (var (expected, actual) in whole.Evaluation.Models.Zip(served.Evaluation.Models))
        {
            Assert.Equal((expected.Model, expected.Lambda, expected.Customers, expected.HitRate), (actual.Model, actual.Lambda, actual.Customers, actual.HitRate));
            Assert.Equal(expected.Recall, actual.Recall, 4);
            Assert.Equal(expected.Ndcg, actual.Ndcg, 4);
        }

        Assert.Equal(whole.Customers.Select(c => c.CustomerId), customers.Select(c => c.CustomerId));
        foreach (var (expected, actual) in whole.Customers.Append(whole.BestSellers).Zip(customers.Append(bestSellers)))
        {
            AssertSameList(expected, actual);
        }
    }

    private static void AssertSameList(CustomerRecommendations expected, CustomerRecommendations actual)
    {
        Assert.Equal((expected.CustomerId, expected.Model, expected.Fallback), (actual.CustomerId, actual.Model, actual.Fallback));
        Assert.Equal(expected.Items.Select(i => (i.Rank, i.Product, i.Reason)), actual.Items.Select(i => (i.Rank, i.Product, i.Reason)));
        foreach (var (e, a) in expected.Items.Zip(actual.Items))
        {
            Assert.True(Math.Abs(e.Score - a.Score) <= 1e-4 * Math.Max(1, Math.Abs(e.Score)), $"{expected.CustomerId} rank {e.Rank} {e.Product}: score {a.Score}, not {e.Score}");
        }
    }

    private static int Of(string customerId, int buckets) => (int)(StableHash.Of(customerId) % (ulong)buckets);
}
