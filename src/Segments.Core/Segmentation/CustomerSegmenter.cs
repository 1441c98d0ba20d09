using Segments.Core.Rfm;
using Segments.Core.Rules;
using Segments.Core.Transactions;

namespace Segments.Core.Segmentation;

/// <summary>
/// One customer's segmentation once the population-wide parts (RFM score, lifecycle stage, cluster, prediction) are
/// known: the facts the rules see, the rules that hold with their clauses, and the record. Shared by the
/// whole-population engine and the bucket scorer, so that both give a customer exactly the same rule segments.
/// </summary>
internal static class CustomerSegmenter
{
    public static CustomerSegmentation Segment(
        RfmScore score,
        OrderHistory history,
        string stage,
        int? cluster,
        CustomerPrediction? prediction,
        IReadOnlyList<string> bought,
        Profiles.CustomerProfileFields? profile,
        DateOnly day,
        IReadOnlyList<RuleSegment> rules,
        Products.ProductCatalog? products,
        IReadOnlyDictionary<string, Events.CustomerEventHistory>? events)
    {
        var id = score.Metrics.CustomerId;
        var attributes = new CustomerFacts(id)
        {
            AsOf = day,
            RecencyDays = score.Metrics.RecencyDays,
            Profile = profile,
            Country = score.Metrics.Country,
            FirstOrderDate = history.FirstOrderDate,
            LastOrderDate = history.LastOrderDate,
            Orders = score.Metrics.Frequency,
            Revenue = score.Metrics.Monetary,
            Products = bought,
            ProductAttributes = products?.AttributesOf(bought),
            RfmR = score.R,
            RfmF = score.F,
            RfmM = score.M,
            RfmCode = score.Code,
            RfmSegment = score.Segment,
            LifecycleStage = stage,
            Cluster = cluster,
            // The rules see the CLV before the spend tier is set (the tier is not a rule attribute).
            PAlive = prediction?.PAlive,
            Clv = prediction?.Clv12Months,
            Events = events?.GetValueOrDefault(id),
        }.ToProfile();

        // Explaining a rule evaluates it: its clause list is empty exactly when it does not hold.
        var matchedRules = rules
            .Select(rule => (rule.Name, Clauses: rule.Explain(attributes, day)))
            .Where(rule => rule.Clauses.Count > 0)
            .ToList();
        return new CustomerSegmentation(score, history.FirstOrderDate, history.LastOrderDate, stage, cluster, matchedRules.Select(rule => rule.Name).ToList())
        {
            Prediction = prediction,
            Products = bought,
            Profile = profile,
            RuleClauses = matchedRules.ToDictionary(rule => rule.Name, rule => rule.Clauses, StringComparer.Ordinal),
        };
    }
}
