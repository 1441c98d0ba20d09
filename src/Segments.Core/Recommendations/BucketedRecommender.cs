using System.Diagnostics;
using Segments.Core.Events;
using Segments.Core.Transactions;

namespace Segments.Core.Recommendations;

/// <summary>
/// <see cref="RecommendationEngine.Run"/> bucket by bucket, for runs that never hold every customer at once: each
/// bucket of customers (with all their lines and events) is added to the run's statistics (<see cref="Summarise"/>,
/// <see cref="RecommendationStatistics"/>), the candidate models fitted once from them (<see cref="FitCandidates"/>), each bucket measures
/// them on its own customers' holdout (<see cref="Evaluate"/>), the sums choose the model (<see cref="Choose"/>), it is
/// fitted once on everything (<see cref="Fit"/>) and each bucket ranks its customers (<see cref="Recommend"/>).
/// The sums are those of the whole population, so the same model is chosen and the same lists come out; EASE's dual
/// form (chosen by the engine when fewer customers than products take part) is replaced by its primal form, whose
/// weights are equal up to rounding (docs/recommendations.md, "Bucket by bucket").
/// </summary>
public static class BucketedRecommender
{
    /// <summary>Adds one bucket (every line and event of its customers) to the run's <paramref name="statistics"/>.</summary>
    public static void Summarise(
        RecommendationStatistics statistics, IReadOnlyCollection<TransactionLine> lines, IReadOnlyCollection<ResolvedEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        statistics.Add(lines, events, cancellationToken);
    }

    /// <summary>Fits every model the holdout measures on the merged training statistics, in the engine's order.</summary>
    public static RecommendationCandidates FitCandidates(RecommendationStatistics statistics, RecommendationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(options);
        var asOf = statistics.AsOf;
        var training = statistics.TakeTraining();
        var clock = Stopwatch.StartNew();
        var cosine = ModelsFromStatistics.Cosine(training, options.NeighboursPerProduct, cancellationToken);
        var models = new List<RecommendationCandidate>
        {
            new(RecommendationModelKind.Popularity, null, null, 0),
            new(RecommendationModelKind.ItemCosine, null, cosine, clock.ElapsedMilliseconds),
        };
        if (options.MaxDenseProducts > 0 && training.Products.Count > 0)
        {
            clock.Restart();
            var problem = ModelsFromStatistics.Ease(training, options.MaxDenseProducts, cancellationToken);
            var sharedMs = clock.ElapsedMilliseconds;
            foreach (var lambda in options.EaseLambdas)
            {
                cancellationToken.ThrowIfCancellationRequested();
                clock.Restart();
                var ease = problem.Fit(lambda);
                models.Add(new RecommendationCandidate(RecommendationModelKind.Ease, lambda, ease, clock.ElapsedMilliseconds + sharedMs));
            }
        }

        return new RecommendationCandidates(asOf.AddDays(-options.HoldoutDays), asOf, training.Catalogue(), models);
    }

    /// <summary>Measures every candidate on one bucket's customers: per candidate (in their order), the metrics' sums.</summary>
    public static IReadOnlyList<RecommendationMetricSums> Evaluate(
        RecommendationCandidates candidates, IReadOnlyCollection<TransactionLine> lines, IReadOnlyCollection<ResolvedEvent> events, RecommendationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(options);
        var split = HoldoutSplit.Create(lines, events, candidates.End, options);
        var matrix = Reindexed(split.Training, candidates.Catalogue);
        var sums = new List<RecommendationMetricSums>(candidates.Models.Count);
        foreach (var candidate in candidates.Models)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var measured = RecommendationEvaluator.Sum(new Recommender(matrix, candidate.Model, candidate.Kind, options), matrix, split.Holdout, options.Top, options);
            sums.Add(measured with { ElapsedMs = clock.ElapsedMilliseconds });
        }

        return sums;
    }

    /// <summary>The holdout measurement from every bucket's sums, and the model it chooses (best hit rate, then NDCG, then the first).</summary>
    public static RecommendationEvaluation Choose(RecommendationCandidates candidates, IEnumerable<IReadOnlyList<RecommendationMetricSums>> buckets, RecommendationOptions options)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(buckets);
        ArgumentNullException.ThrowIfNull(options);
        var sums = candidates.Models.Select(_ => RecommendationMetricSums.None).ToArray();
        foreach (var bucket in buckets)
        {
            if (bucket.Count != sums.Length)
            {
                throw new ArgumentException($"a bucket measured {bucket.Count} models, not the {sums.Length} candidates", nameof(buckets));
            }

            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] = sums[i].Plus(bucket[i]);
            }
        }

        var models = candidates.Models
            .Select((c, i) => sums[i].ToMetrics(c.Kind, c.Lambda) with { ElapsedMs = sums[i].ElapsedMs + c.FitMs })
            .ToList();
        var best = models.OrderByDescending(m => m.HitRate).ThenByDescending(m => m.Ndcg).First();
        return new RecommendationEvaluation(candidates.HoldoutStart, candidates.End, candidates.Catalogue.Products.Count, options.Top, models, best.Model, best.Lambda);
    }

    /// <summary>The chosen model fitted on the merged statistics of everything up to the as-of.</summary>
    public static ServedRecommendationModel Fit(RecommendationStatistics statistics, RecommendationEvaluation evaluation, RecommendationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(options);
        var full = statistics.TakeFull();
        var catalogue = full.Catalogue();
        return evaluation.Chosen switch
        {
            RecommendationModelKind.Popularity => new ServedRecommendationModel(evaluation, catalogue, RecommendationModelKind.Popularity, null, null),
            RecommendationModelKind.Ease when evaluation.Lambda is { } lambda => new ServedRecommendationModel(
                evaluation, catalogue, RecommendationModelKind.Ease, lambda, ModelsFromStatistics.Ease(full, options.MaxDenseProducts, cancellationToken).Fit(lambda)),
            _ => new ServedRecommendationModel(
                evaluation, catalogue, RecommendationModelKind.ItemCosine, null, ModelsFromStatistics.Cosine(full, options.NeighboursPerProduct, cancellationToken)),
        };
    }

    /// <summary>
    /// One bucket's customers ranked by the served model: each who has history, and each of <paramref name="customerIds"/>
    /// (the bucket's customers of the run) who has none, the best sellers; ordered by id.
    /// </summary>
    public static IReadOnlyList<CustomerRecommendations> Recommend(
        ServedRecommendationModel served,
        IReadOnlyCollection<TransactionLine> lines,
        IReadOnlyCollection<ResolvedEvent> events,
        IEnumerable<string> customerIds,
        RecommendationOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(options);
        var matrix = Reindexed(FullMatrix(lines, events, served.Evaluation.HoldoutEnd, options), served.Catalogue);
        var recommender = new Recommender(matrix, served.Model, served.Kind, options);
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

        return byId.Values.OrderBy(c => c.CustomerId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The store's best sellers under the served model: what a customer without history gets.</summary>
    public static CustomerRecommendations BestSellers(ServedRecommendationModel served, RecommendationOptions options)
    {
        ArgumentNullException.ThrowIfNull(served);
        return new Recommender(served.Catalogue, served.Model, served.Kind, options).Recommend(string.Empty, null);
    }

    /// <summary>The matrix of every line and event up to <paramref name="asOf"/>.</summary>
    internal static InteractionMatrix FullMatrix(IEnumerable<TransactionLine> lines, IEnumerable<ResolvedEvent> events, DateOnly asOf, RecommendationOptions options)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(events);
        var builder = new InteractionMatrixBuilder(options);
        foreach (var line in lines.Where(l => l.OrderDate <= asOf))
        {
            builder.Add(line);
        }

        foreach (var resolved in events.Where(e => e.Event.Day <= asOf))
        {
            builder.Add(resolved);
        }

        return builder.Build();
    }

    /// <summary>A bucket's matrix with its products indexed as in the merged <paramref name="catalogue"/>, and the catalogue's buyers.</summary>
    private static InteractionMatrix Reindexed(InteractionMatrix local, InteractionMatrix catalogue)
    {
        var index = catalogue.ProductIndex;
        var map = new int[local.Products.Count];
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = index.TryGetValue(local.Products[i], out var at)
                ? at
                : throw new InvalidOperationException($"product '{local.Products[i]}' of a bucket is not in the merged statistics: the bucket's lines changed after it was summarised");
        }

        var customers = local.Customers.Select(h => h with { Products = Array.ConvertAll(h.Products, i => map[i]) }).ToList();
        return new InteractionMatrix(catalogue.Products, customers, catalogue.Buyers) { BuyingCustomers = catalogue.BuyingCustomers };
    }
}
