namespace Segments.Core.Btyd;

/// <summary>
/// Chooses a purchase model per data set by how well each, fitted on the calibration period, predicts every
/// customer's purchases in the holdout period (calibration end to the end of the data): the lowest root mean
/// squared error of E[Y(t*) | x, t_x, T] against the actual count wins. This is the validation Fader, Hardie &amp;
/// Lee (2005) and Batislam et al. (2007) use to compare these models. Each candidate's calibration log-likelihood
/// is reported with it, but is not the criterion: the models do not nest, and in-sample fit is not forecast skill.
/// </summary>
public static class PurchaseModelSelector
{
    /// <summary>The candidates compared by default: BG/NBD, MBG/NBD and Pareto/NBD.</summary>
    public static IReadOnlyList<IPurchaseLikelihood> DefaultCandidates { get; } = [new BgNbdLikelihood(), new MbgNbdLikelihood(), new ParetoNbdLikelihood()];

    /// <summary>Fits every candidate on <paramref name="data"/>'s calibration period and scores it on the holdout.</summary>
    public static ModelSelection Select(CalibrationData data, IReadOnlyList<IPurchaseLikelihood>? candidates = null, PurchaseModelFit? fit = null) =>
        Select(data.Customers, data.HoldoutLength, candidates, fit);

    /// <summary>
    /// Fits every candidate on <paramref name="customers"/>' calibration histories and scores it against their
    /// <see cref="CustomerSummary.HoldoutPurchases"/> over a holdout of <paramref name="horizon"/> time units.
    /// <paramref name="fit"/> fits one candidate (default: plain maximum likelihood, <see cref="PurchaseModelFitter"/>).
    /// </summary>
    public static ModelSelection Select(IReadOnlyList<CustomerSummary> customers, double horizon, IReadOnlyList<IPurchaseLikelihood>? candidates = null, PurchaseModelFit? fit = null)
    {
        candidates ??= DefaultCandidates;
        fit ??= (likelihood, histories) => PurchaseModelFitter.Fit(likelihood, histories);
        var histories = customers.Select(c => c.History).ToList();
        var actual = customers.Sum(c => (double)c.HoldoutPurchases);
        var scores = candidates.Select(likelihood => Score(fit(likelihood, histories), customers, horizon, actual)).ToList();
        if (horizon <= 0)
        {
            return new ModelSelection(scores, null, horizon, "no holdout period: the calibration end is the last purchase date in the data");
        }

        var chosen = scores.Where(s => s.RootMeanSquaredError is not null).MinBy(s => s.RootMeanSquaredError);
        return new ModelSelection(scores, chosen, horizon, chosen is null ? "no candidate model converged" : null);
    }

    private static HoldoutScore Score(ModelFit<IPurchaseModel> fit, IReadOnlyList<CustomerSummary> customers, double horizon, double actual)
    {
        if (fit.Model is not { } model || horizon <= 0)
        {
            return new HoldoutScore(fit, null, actual, null, null);
        }

        double predictedTotal = 0, squared = 0, absolute = 0;
        foreach (var customer in customers)
        {
            var predicted = model.ExpectedPurchases(customer.History, horizon);
            var error = predicted - customer.HoldoutPurchases;
            predictedTotal += predicted;
            squared += error * error;
            absolute += Math.Abs(error);
        }

        var n = Math.Max(1, customers.Count);
        return new HoldoutScore(fit, predictedTotal, actual, Math.Sqrt(squared / n), absolute / n);
    }
}
