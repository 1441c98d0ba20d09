using Segments.Core.Btyd;
using Segments.Core.Clustering;
using Segments.Core.Lifecycle;
using Segments.Core.Rfm;
using Segments.Core.Segmentation;

namespace Segments.Core.Scale;

/// <summary>
/// Fits everything that needs the whole population from a merged <see cref="PopulationSummary"/>, each piece as
/// <see cref="SegmentationEngine.Compute(IReadOnlyList{Rules.RuleSegment})"/> does it from every customer.
/// </summary>
public static class PopulationModelFitter
{
    private static readonly CutPoints NoCuts = new(0, 0, 0, 0);

    /// <summary>The model of <paramref name="summary"/> under <paramref name="options"/> (whose holdout must be the summary's).</summary>
    public static PopulationModel Fit(PopulationSummary summary, PredictionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        options ??= new PredictionOptions();
        if (options.HoldoutDays != summary.HoldoutDays)
        {
            throw new ArgumentException($"The summary holds out {summary.HoldoutDays} days, the options {options.HoldoutDays}: summarise again with the options' holdout.", nameof(options));
        }

        var rfm = summary.Customers == 0
            ? new RfmCutPoints(NoCuts, NoCuts, NoCuts)
            : new RfmCutPoints(Cuts(summary.Recency), Cuts(summary.Frequency), Cuts(summary.Monetary));
        var (predictions, purchaseModel, spendModel) = Predict(summary, options);
        return new PopulationModel(summary.AsOf, options, rfm, Thresholds(summary, LifecyclePolicy.Default), Clusters(summary.Sample), predictions, purchaseModel, spendModel, summary.Customers);
    }

    private static CutPoints Cuts(ValueHistogram values) =>
        new(values.Linear(CutPoints.Levels[0]), values.Linear(CutPoints.Levels[1]), values.Linear(CutPoints.Levels[2]), values.Linear(CutPoints.Levels[3]));

    /// <summary>As <see cref="LifecycleThresholdEstimator.Estimate"/>, from the pooled gap histogram.</summary>
    private static LifecycleThresholds Thresholds(PopulationSummary summary, LifecyclePolicy policy)
    {
        var repeatCustomers = checked((int)summary.RepeatCustomers);
        var gapCount = checked((int)summary.Gaps.Count);
        if (repeatCustomers < Math.Max(1, policy.MinimumRepeatCustomers))
        {
            return policy.Fallback with { Source = LifecycleThresholdSource.Fallback, RepeatCustomers = repeatCustomers, GapCount = gapCount };
        }

        return new LifecycleThresholds(
            summary.Gaps.Linear(policy.NewWindowPercentile),
            summary.Gaps.Linear(policy.ActivePercentile),
            summary.Gaps.Linear(policy.AtRiskPercentile),
            summary.Gaps.Linear(policy.LapsedPercentile),
            LifecycleThresholdSource.Derived,
            repeatCustomers,
            gapCount);
    }

    /// <summary>
    /// k-means on the sample, in customer-id order as the whole-population run feeds it: with every customer in the
    /// sample this is that run's clustering, bit for bit.
    /// </summary>
    private static ClusteringResult Clusters(ClusterSample sample)
    {
        var customers = sample.Customers
            .OrderBy(c => c.CustomerId, StringComparer.Ordinal)
            .Select(c => new CustomerMetrics(c.CustomerId, c.RecencyDays, c.Frequency, c.Monetary, string.Empty))
            .ToList();
        return CustomerClusterer.Cluster(customers) with { Customers = [] };
    }

    /// <summary>As <see cref="PredictionEngine.Predict"/>, on the grouped histories (the holdout check as <see cref="GroupedHoldoutEvaluator"/> says).</summary>
    private static (PredictionSummary Summary, IPurchaseModel? Purchases, GammaGammaModel? Spend) Predict(PopulationSummary summary, PredictionOptions options)
    {
        var holdoutDays = options.HoldoutDays;
        var monthlyDiscountRate = options.MonthlyDiscountRate;
        var asOf = summary.AsOf;
        var groups = summary.Purchases;
        if (groups.LatestPurchaseDay is not { } latestDay)
        {
            return (new PredictionSummary(null, "no purchases to model", 0, [], null, null, monthlyDiscountRate), null, null);
        }

        var latest = DateOnly.FromDayNumber(latestDay);
        var calibrationEnd = asOf.AddDays(-holdoutDays);
        var horizon = Math.Max(0, latestDay - calibrationEnd.DayNumber) / TimeUnits.DaysPer(TimeUnit.Week);
        var candidatesToFit = PredictionEngine.Candidates;
        var selection = GroupedModelSelection.Select(groups.Calibration, horizon, candidatesToFit, IdentifiedPurchaseModelFitter.Fit);
        var candidates = selection.Candidates
            .Select(s => ModelReport.Of(s.Fit) with { HoldoutRootMeanSquaredError = s.RootMeanSquaredError, HoldoutPredictedPurchases = s.PredictedPurchases, HoldoutActualPurchases = s.ActualPurchases })
            .ToList();
        var accuracy = selection.Chosen?.Fit.Model is { } calibrated ? GroupedHoldoutEvaluator.Evaluate(calibrated, groups, calibrationEnd, latest) : null;
        var histories = groups.WeightedHistories().OrderBy(h => HistoryKey.Of(h)).ToList();
        ModelFit<IPurchaseModel> refit;
        string reason;
        if (selection.Chosen is { } chosen)
        {
            refit = IdentifiedPurchaseModelFitter.Fit(candidatesToFit.First(c => c.Name == chosen.Fit.ModelName), histories);
            reason = $"lowest holdout RMSE over the last {holdoutDays} days before {asOf:yyyy-MM-dd} (data up to {latest:yyyy-MM-dd})";
        }
        else
        {
            var fits = candidatesToFit.Select(c => IdentifiedPurchaseModelFitter.Fit(c, histories)).ToList();
            refit = fits.Where(f => f.Model is not null).MaxBy(f => f.LogLikelihood) ?? fits[0];
            reason = $"holdout comparison impossible ({selection.Reason}); chosen by the higher log-likelihood on all data up to {asOf:yyyy-MM-dd}";
            candidates.AddRange(fits.Select(f => ModelReport.Of(f) with { Reason = f.Reason ?? "fitted on all data (holdout fallback)" }));
        }

        if (refit.Model is not { } model)
        {
            return (new PredictionSummary(null, $"no purchase model could be fitted: {refit.Reason}", selection.HoldoutLength, candidates, ModelReport.Of(refit), null, monthlyDiscountRate), null, null);
        }

        var spendFit = GammaGammaFitter.Fit(groups.WeightedSpend());
        var churn = options.FindProblem() is { } problem
            ? new ChurnSettings(options.ChurnHorizonDays, options.ChurnMediumThreshold, options.ChurnHighThreshold) { Problem = problem }
            : new ChurnSettings(options.ChurnHorizonDays, options.ChurnMediumThreshold, options.ChurnHighThreshold);
        var predictionSummary = new PredictionSummary(model.Name, reason, selection.HoldoutLength, candidates, ModelReport.Of(refit), ModelReport.Of(spendFit), monthlyDiscountRate) { Churn = churn, Accuracy = accuracy };
        return (predictionSummary, model, spendFit.Model);
    }
}
