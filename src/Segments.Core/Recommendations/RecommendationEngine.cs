using System.Diagnostics;
using Segments.Core.Events;
using Segments.Core.Transactions;

namespace Segments.Core.Recommendations;

/// <summary>
/// The recommender of a run: measures popularity, item-to-item cosine and EASE (each λ of the options) on the
/// holdout, chooses the best by hit rate, fits it on everything up to the as-of and ranks every customer's products.
/// </summary>
public static class RecommendationEngine
{
    /// <summary>Measures every model on <paramref name="split"/> and chooses one.</summary>
    public static RecommendationEvaluation Evaluate(HoldoutSplit split, RecommendationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(options);
        var training = split.Training;
        var k = options.Top;
        var models = new List<RecommendationMetrics>
        {
            Timed(() => RecommendationEvaluator.Measure(new Recommender(training, null, RecommendationModelKind.Popularity, options), split, k, options)),
            Timed(() => RecommendationEvaluator.Measure(
                new Recommender(training, ItemCosineModel.Fit(training, options.NeighboursPerProduct, cancellationToken), RecommendationModelKind.ItemCosine, options), split, k, options)),
        };
        if (options.MaxDenseProducts > 0 && training.Products.Count > 0)
        {
            var clock = Stopwatch.StartNew();
            var problem = EaseProblem.For(training, EaseModel.Members(training, options.MaxDenseProducts), cancellationToken);
            var sharedMs = clock.ElapsedMilliseconds;
            foreach (var lambda in options.EaseLambdas)
            {
                cancellationToken.ThrowIfCancellationRequested();
                models.Add(Timed(() =>
                {
                    var ease = problem.Fit(lambda);
                    return RecommendationEvaluator.Measure(new Recommender(training, ease, RecommendationModelKind.Ease, options), split, k, options, lambda);
                }, sharedMs));
            }
        }

        var best = models.OrderByDescending(m => m.HitRate).ThenByDescending(m => m.Ndcg).First();
        return new RecommendationEvaluation(split.HoldoutStart, split.End, training.Products.Count, k, models, best.Model, best.Lambda);
    }

    private static RecommendationMetrics Timed(Func<RecommendationMetrics> measure, long extraMs = 0)
    {
        var clock = Stopwatch.StartNew();
        var metrics = measure();
        return metrics with { ElapsedMs = clock.ElapsedMilliseconds + extraMs };
    }

    /// <summary>
    /// Measures on the split ending at <paramref name="asOf"/>, then fits the chosen model on every line and event up
    /// to it and recommends for each customer who has history, and for each of <paramref name="customerIds"/> (the
    /// run's customers) who has none, the best sellers.
    /// </summary>
    public static RecommendationResult Run(
        IReadOnlyCollection<TransactionLine> lines,
        IReadOnlyCollection<ResolvedEvent> events,
        DateOnly asOf,
        IEnumerable<string> customerIds,
        RecommendationOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(options);
        var evaluation = Evaluate(HoldoutSplit.Create(lines, events, asOf, options), options, cancellationToken);

        var builder = new InteractionMatrixBuilder(options);
        foreach (var line in lines.Where(l => l.OrderDate <= asOf))
        {
            builder.Add(line);
        }

        foreach (var resolved in events.Where(e => e.Event.Day <= asOf))
        {
            builder.Add(resolved);
        }

        var matrix = builder.Build();
        var (served, lambda, model) = Fit(matrix, evaluation, options, cancellationToken);
        var recommender = new Recommender(matrix, model, served, options);
        var byId = new Dictionary<string, CustomerRecommendations>(StringComparer.Ordinal);
        foreach (var history in matrix.Customers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            byId[history.CustomerId] = recommender.Recommend(history.CustomerId, history);
        }

        foreach (var id in customerIds)
        {
            if (!byId.ContainsKey(id))
            {
                byId[id] = recommender.Recommend(id, null);
            }
        }

        var customers = byId.Values.OrderBy(c => c.CustomerId, StringComparer.Ordinal).ToList();
        return new RecommendationResult(evaluation, served, lambda, matrix.Products.Count, model?.Bytes ?? 0, customers, recommender.Recommend(string.Empty, null));
    }

    /// <summary>The chosen model fitted on <paramref name="matrix"/>.</summary>
    private static (RecommendationModelKind Kind, double? Lambda, IItemWeights? Model) Fit(
        InteractionMatrix matrix, RecommendationEvaluation evaluation, RecommendationOptions options, CancellationToken cancellationToken)
    {
        switch (evaluation.Chosen)
        {
            case RecommendationModelKind.Popularity:
                return (RecommendationModelKind.Popularity, null, null);
            case RecommendationModelKind.Ease when evaluation.Lambda is { } lambda:
                return (RecommendationModelKind.Ease, lambda, EaseModel.Fit(matrix, lambda, options.MaxDenseProducts, cancellationToken));
            default:
                return (RecommendationModelKind.ItemCosine, null, ItemCosineModel.Fit(matrix, options.NeighboursPerProduct, cancellationToken));
        }
    }
}
