using Segments.Core.Btyd;
using Segments.Core.Rfm;
using Segments.Core.Segmentation;
using Segments.Core.Transactions;

namespace Segments.Core.Scale;

/// <summary>One bucket's customers through the population's fitted models, as <see cref="PredictionEngine.Predict"/> does it per customer.</summary>
internal static class BucketPredictions
{
    private const double DaysPerWeek = 7;

    /// <summary>Each predicted customer's prediction with the value fields, without the spend tier; by customer id.</summary>
    public static Dictionary<string, CustomerPrediction> Predict(
        BucketFacts facts,
        PopulationModel model,
        IReadOnlyDictionary<string, CustomerMetrics> metrics,
        IReadOnlyDictionary<string, OrderHistory> histories)
    {
        var predictions = new Dictionary<string, CustomerPrediction>(StringComparer.Ordinal);
        if (model.PurchaseModel is not { } purchases || facts.Purchases.LatestPurchase is null)
        {
            return predictions;
        }

        var options = model.Options;
        var spend = model.SpendModel;
        var clv = spend is null ? null : new LifetimeValueCalculator(purchases, spend, TimeUnit.Week, new LifetimeValueOptions(options.ClvMonths, options.MonthlyDiscountRate));
        foreach (var customer in facts.Purchases.Build(model.AsOf, TimeUnit.Week).Customers)
        {
            var history = customer.History;
            var prediction = ChurnRisk.AddTo(new CustomerPrediction(
                purchases.ProbabilityAlive(history),
                purchases.ExpectedPurchases(history, 30 / DaysPerWeek),
                purchases.ExpectedPurchases(history, 90 / DaysPerWeek),
                purchases.ExpectedPurchases(history, 365 / DaysPerWeek),
                Finite(spend?.ExpectedAverageSpend(history.RepeatPurchases, customer.AverageRepeatSpend)),
                Finite(clv?.LifetimeValue(history, customer.AverageRepeatSpend))), purchases, history, model.AsOf, options);
            if (double.IsFinite(prediction.PAlive) && double.IsFinite(prediction.ExpectedPurchases30) && double.IsFinite(prediction.ExpectedPurchases90) && double.IsFinite(prediction.ExpectedPurchases365)
                && metrics.TryGetValue(customer.CustomerId, out var measured))
            {
                predictions.Add(customer.CustomerId, CustomerValueFields.AddTo(prediction, measured, histories[customer.CustomerId]));
            }
        }

        return predictions;
    }

    /// <summary>The customer's key in the spend-tier ranking.</summary>
    public static SpendRankKey RankKey(string customerId, CustomerPrediction prediction) =>
        new(prediction.TotalClv ?? prediction.HistoricClv ?? 0, customerId);

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
