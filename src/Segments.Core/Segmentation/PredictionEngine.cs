using Segments.Core.Btyd;

namespace Segments.Core.Segmentation;

/// <summary>
/// Runs the customer-base models for a recompute: BG/NBD and MBG/NBD are fitted on all purchases
/// up to <see cref="PredictionOptions.HoldoutDays"/> before the as-of date and compared on how well they forecast that holdout (lowest RMSE
/// per customer); the winner is refitted on everything up to the as-of date and gives each customer P(alive)
/// and expected purchases; Gamma-Gamma on repeat buyers gives the expected order value and the 12-month CLV.
/// </summary>
public static class PredictionEngine
{

    /// <summary>
    /// The purchase models compared in every run. Pareto/NBD is left to <c>segments fit</c>: its likelihood has no
    /// analytic gradient here, and on a few thousand customers its fit takes minutes, not seconds.
    /// MBG/NBD is the candidate that does not call every one-time buyer certainly alive.
    /// </summary>
    public static IReadOnlyList<IPurchaseLikelihood> Candidates { get; } = [new BgNbdLikelihood(), new MbgNbdLikelihood()];

    private const double DaysPerWeek = 7;

    /// <summary>Predictions per customer id, and what the models were.</summary>
    public static (PredictionSummary Summary, IReadOnlyDictionary<string, CustomerPrediction> Customers) Predict(CustomerHistoryBuilder purchases, DateOnly asOf, PredictionOptions options)
    {
        var holdoutDays = options.HoldoutDays;
        var monthlyDiscountRate = options.MonthlyDiscountRate;
        var empty = new Dictionary<string, CustomerPrediction>(StringComparer.Ordinal);
        if (purchases.LatestPurchase is not { } latest)
        {
            return (new PredictionSummary(null, "no purchases to model", 0, [], null, null, monthlyDiscountRate), empty);
        }

        var calibration = purchases.Build(asOf.AddDays(-holdoutDays), TimeUnit.Week);
        var selection = PurchaseModelSelector.Select(calibration, Candidates, IdentifiedPurchaseModelFitter.Fit);
        var accuracy = selection.Chosen?.Fit.Model is { } calibrated ? HoldoutEvaluator.Evaluate(calibrated, calibration, purchases.PurchaseDays()) : null;
        var candidates = selection.Candidates
            .Select(s => ModelReport.Of(s.Fit) with { HoldoutRootMeanSquaredError = s.RootMeanSquaredError, HoldoutPredictedPurchases = s.PredictedPurchases, HoldoutActualPurchases = s.ActualPurchases })
            .ToList();
        var data = purchases.Build(asOf, TimeUnit.Week);
        ModelFit<IPurchaseModel> refit;
        string reason;
        if (selection.Chosen is { } chosen)
        {
            refit = IdentifiedPurchaseModelFitter.Fit(Candidates.First(c => c.Name == chosen.Fit.ModelName), data.Customers.Select(c => c.History));
            reason = $"lowest holdout RMSE over the last {holdoutDays} days before {asOf:yyyy-MM-dd} (data up to {latest:yyyy-MM-dd})";
        }
        else
        {
            // No candidate could be scored on the holdout (e.g. the shorter calibration period shows no
            // dropout yet): fit each on all the data instead and keep the higher likelihood; both models have
            // four parameters, so that is the AIC choice.
            var fits = Candidates.Select(c => IdentifiedPurchaseModelFitter.Fit(c, data.Customers.Select(h => h.History))).ToList();
            refit = fits.Where(f => f.Model is not null).MaxBy(f => f.LogLikelihood) ?? fits[0];
            reason = $"holdout comparison impossible ({selection.Reason}); chosen by the higher log-likelihood on all data up to {asOf:yyyy-MM-dd}";
            candidates.AddRange(fits.Select(f => ModelReport.Of(f) with { Reason = f.Reason ?? "fitted on all data (holdout fallback)" }));
        }

        if (refit.Model is not { } model)
        {
            return (new PredictionSummary(null, $"no purchase model could be fitted: {refit.Reason}", selection.HoldoutLength, candidates, ModelReport.Of(refit), null, monthlyDiscountRate), empty);
        }

        var spendFit = GammaGammaFitter.Fit(data.Customers.Where(c => c.History.RepeatPurchases > 0).Select(c => new SpendHistory(c.History.RepeatPurchases, c.AverageRepeatSpend)));
        var clv = spendFit.Model is { } spend ? new LifetimeValueCalculator(model, spend, TimeUnit.Week, new LifetimeValueOptions(options.ClvMonths, monthlyDiscountRate)) : null;

        var predictions = new Dictionary<string, CustomerPrediction>(data.Customers.Count, StringComparer.Ordinal);
        foreach (var customer in data.Customers)
        {
            var history = customer.History;
            var prediction = ChurnRisk.AddTo(new CustomerPrediction(
                model.ProbabilityAlive(history),
                model.ExpectedPurchases(history, 30 / DaysPerWeek),
                model.ExpectedPurchases(history, 90 / DaysPerWeek),
                model.ExpectedPurchases(history, 365 / DaysPerWeek),
                Finite(spendFit.Model?.ExpectedAverageSpend(history.RepeatPurchases, customer.AverageRepeatSpend)),
                Finite(clv?.LifetimeValue(history, customer.AverageRepeatSpend))), model, history, asOf, options);
            if (double.IsFinite(prediction.PAlive) && double.IsFinite(prediction.ExpectedPurchases30) && double.IsFinite(prediction.ExpectedPurchases90) && double.IsFinite(prediction.ExpectedPurchases365))
            {
                predictions.Add(customer.CustomerId, prediction);
            }
        }

        var summary = new PredictionSummary(
            model.Name,
            reason,
            selection.HoldoutLength,
            candidates,
            ModelReport.Of(refit),
            ModelReport.Of(spendFit),
            monthlyDiscountRate)
        {
            Accuracy = accuracy,
            Churn = options.FindProblem() is { } problem
                ? new ChurnSettings(options.ChurnHorizonDays, options.ChurnMediumThreshold, options.ChurnHighThreshold) { Problem = problem }
                : new ChurnSettings(options.ChurnHorizonDays, options.ChurnMediumThreshold, options.ChurnHighThreshold),
        };
        return (summary, predictions);
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
