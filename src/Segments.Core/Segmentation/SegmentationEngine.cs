using Segments.Core.Btyd;
using Segments.Core.Clustering;
using Segments.Core.Lifecycle;
using Segments.Core.Rfm;
using Segments.Core.Rules;
using Segments.Core.Transactions;

namespace Segments.Core.Segmentation;

/// <summary>
/// Folds transaction lines in, then computes every kind of segment at once: RFM, lifecycle stage,
/// behavioural cluster, the customer-base models' predictions and the store's rule segments. The recompute and the CLI both run this, so a file
/// scored locally lands in the same segments as in the service.
/// </summary>
public sealed class SegmentationEngine(DateOnly? asOf, PredictionOptions? predictionOptions = null)
{
    private readonly CustomerAggregator _rfm = new(asOf);
    private readonly OrderHistoryAggregator _orders = new(asOf);
    private readonly Dictionary<string, HashSet<string>> _products = new(StringComparer.Ordinal);
    private readonly CustomerHistoryBuilder _purchases = new();
    private readonly Cohorts.CohortAggregator _cohorts = new(asOf ?? DateOnly.MaxValue);

    /// <summary>Lines folded in (on or before the as-of date).</summary>
    public long LinesAdded => _rfm.LinesAdded;

    /// <summary>Folds in one line.</summary>
    public void Add(in TransactionLine line)
    {
        _rfm.Add(line);
        _orders.Add(line);
        _cohorts.Add(line);
        if (line.IsCancellation || (asOf is { } limit && line.OrderDate > limit))
        {
            return;
        }

        _purchases.Add(line.CustomerId, line.OrderDate, line.Amount);
        if (line.Product.Length > 0)
        {
            if (!_products.TryGetValue(line.CustomerId, out var products))
            {
                products = new HashSet<string>(StringComparer.Ordinal);
                _products.Add(line.CustomerId, products);
            }

            products.Add(line.Product);
        }
    }

    /// <summary>Scores every customer with a non-cancelled order and evaluates <paramref name="rules"/> for each.</summary>
    public SegmentationResult Compute(IReadOnlyList<RuleSegment> rules) => Compute(rules, profiles: null);

    /// <summary>
    /// Scores every customer with a non-cancelled order, joins each with its newest profile from
    /// <paramref name="profiles"/> (by normalised customer id; age bands as of the run's date) and evaluates
    /// <paramref name="rules"/> over both. Profiles of customers without orders are counted, not scored.
    /// With a <paramref name="products"/> catalog, each customer also gets the catalog's list attributes of the
    /// products bought (non-cancelled lines up to the run's date, the same set as <c>products</c>).
    /// With <paramref name="events"/> (<see cref="Events.CustomerEventHistories.Build"/>), rules may use event
    /// conditions and the behaviour attributes; a customer without an entry has no events.
    /// </summary>
    public SegmentationResult Compute(
        IReadOnlyList<RuleSegment> rules,
        IReadOnlyDictionary<string, Profiles.CustomerProfileFields>? profiles,
        Products.ProductCatalog? products = null,
        IReadOnlyDictionary<string, Events.CustomerEventHistory>? events = null)
    {
        var day = _rfm.AsOf;
        var rfm = RfmScorer.Score(_rfm.ToMetrics());
        var orderHistories = _orders.ToHistories();
        var lifecycle = LifecycleClassifier.Classify(orderHistories, day);
        var clusters = CustomerClusterer.Cluster(rfm.Customers.Select(c => c.Metrics).ToList());
        var (predictionSummary, predictions) = PredictionEngine.Predict(_purchases, day, predictionOptions ?? new PredictionOptions());

        var histories = orderHistories.ToDictionary(h => h.CustomerId, StringComparer.Ordinal);
        var stages = lifecycle.Customers.ToDictionary(c => c.CustomerId, c => LifecycleStageNames.NameOf(c.Stage), StringComparer.Ordinal);
        var clusterOf = clusters.Customers.ToDictionary(c => c.CustomerId, c => c.Cluster, StringComparer.Ordinal);
        var ruleCounts = rules.ToDictionary(r => r.Name, _ => 0, StringComparer.Ordinal);

        var customers = new List<CustomerSegmentation>(rfm.Customers.Count);
        foreach (var score in rfm.Customers)
        {
            var id = score.Metrics.CustomerId;
            var history = histories[id];
            var stage = stages[id];
            int? cluster = clusterOf.TryGetValue(id, out var c) ? c : null;
            var prediction = predictions.GetValueOrDefault(id) is { } modelled ? CustomerValueFields.AddTo(modelled, score.Metrics, history) : null;
            List<string> bought = _products.TryGetValue(id, out var productSet) ? productSet.Order(StringComparer.Ordinal).ToList() : [];
            var profile = profiles is not null && profiles.TryGetValue(id, out var fields) ? fields.AsOf(day) : null;
            var customer = CustomerSegmenter.Segment(score, history, stage, cluster, prediction, bought, profile, day, rules, products, events);
            foreach (var name in customer.RuleSegments)
            {
                ruleCounts[name]++;
            }

            customers.Add(customer);
        }

        customers = WithSpendTiers(customers);
        return new SegmentationResult(day, rfm, lifecycle, clusters, rules.Select(r => new SegmentCount(r.Name, ruleCounts[r.Name])).ToList(), customers)
        {
            Predictions = predictionSummary with { Segments = PredictiveSegments.Count(customers.Select(c => c.Prediction)) },
            ProfilesWithoutOrders = profiles is null ? 0 : profiles.Keys.Count(id => !histories.ContainsKey(id)),
            Cohorts = CohortTables(day, profiles),
        };
    }

    // The plain table, and one per dimension that some profile carries (a request for another is refused).
    private List<Cohorts.CohortTable> CohortTables(DateOnly day, IReadOnlyDictionary<string, Profiles.CustomerProfileFields>? profiles)
    {
        List<Cohorts.CohortTable> tables = [_cohorts.ToTable() with { AsOf = day }];
        foreach (var dimension in Cohorts.CohortDimensions.All)
        {
            if (profiles is not null && profiles.Values.Any(p => Cohorts.CohortDimensions.ValueOf(dimension, p) is not null))
            {
                tables.Add(_cohorts.ToTable(dimension, id => Cohorts.CohortDimensions.ValueOf(dimension, profiles.GetValueOrDefault(id))) with { AsOf = day });
            }
        }

        return tables;
    }

    private static List<CustomerSegmentation> WithSpendTiers(List<CustomerSegmentation> customers)
    {
        var tiers = CustomerValueFields.Tiers(customers.Where(c => c.Prediction is not null).Select(c => (c.CustomerId, c.Prediction!)));
        return customers
            .Select(c => c.Prediction is { } p && tiers.TryGetValue(c.CustomerId, out var tier) ? c with { Prediction = p with { SpendTier = tier } } : c)
            .ToList();
    }
}
