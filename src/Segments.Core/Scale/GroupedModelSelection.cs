using Segments.Core.Btyd;

namespace Segments.Core.Scale;

/// <summary>
/// <see cref="PurchaseModelSelector.Select(IReadOnlyList{CustomerSummary}, double, IReadOnlyList{IPurchaseLikelihood}?, PurchaseModelFit?)"/>
/// on grouped calibration histories: each candidate is fitted on the groups (the same grouped likelihood the fitter
/// builds from single customers) and scored by the customer-weighted holdout RMSE, so the choice is the same.
/// </summary>
public static class GroupedModelSelection
{
    /// <summary>Fits and scores every candidate on <paramref name="calibration"/> over a holdout of <paramref name="horizon"/> weeks.</summary>
    public static ModelSelection Select(IReadOnlyDictionary<CalibrationKey, long> calibration, double horizon, IReadOnlyList<IPurchaseLikelihood> candidates, PurchaseModelFit fit)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(fit);
        // Sorted so that the sums below, and so the choice, do not depend on the order the buckets were merged in.
        var groups = calibration.OrderBy(g => g.Key.History).ThenBy(g => g.Key.HoldoutPurchases).ToList();
        var histories = groups
            .GroupBy(g => g.Key.History)
            .Select(g => g.Key.ToHistory(g.Sum(c => c.Value)))
            .ToList();
        var actual = groups.Sum(g => (double)g.Value * g.Key.HoldoutPurchases);
        var scores = candidates.Select(likelihood => Score(fit(likelihood, histories), groups, horizon, actual)).ToList();
        if (horizon <= 0)
        {
            return new ModelSelection(scores, null, horizon, "no holdout period: the calibration end is the last purchase date in the data");
        }

        var chosen = scores.Where(s => s.RootMeanSquaredError is not null).MinBy(s => s.RootMeanSquaredError);
        return new ModelSelection(scores, chosen, horizon, chosen is null ? "no candidate model converged" : null);
    }

    private static HoldoutScore Score(ModelFit<IPurchaseModel> fit, List<KeyValuePair<CalibrationKey, long>> groups, double horizon, double actual)
    {
        if (fit.Model is not { } model || horizon <= 0)
        {
            return new HoldoutScore(fit, null, actual, null, null);
        }

        double predictedTotal = 0, squared = 0, absolute = 0, customers = 0;
        foreach (var (key, count) in groups)
        {
            var predicted = model.ExpectedPurchases(key.History.ToHistory(1), horizon);
            var error = predicted - key.HoldoutPurchases;
            predictedTotal += count * predicted;
            squared += count * error * error;
            absolute += count * Math.Abs(error);
            customers += count;
        }

        var n = Math.Max(1, customers);
        return new HoldoutScore(fit, predictedTotal, actual, Math.Sqrt(squared / n), absolute / n);
    }
}
