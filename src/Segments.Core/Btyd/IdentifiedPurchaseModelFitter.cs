using System.Globalization;

namespace Segments.Core.Btyd;

/// <summary>
/// Fits a purchase model so that a store gets a prediction whenever one can be identified. On small or regular data
/// the likelihood of BG/NBD and MBG/NBD is often highest at an edge of the parameter space, most often where dropout
/// vanishes (a → 0, or b → ∞): the plain maximum-likelihood fit then has no interior maximum and fails. Instead:
/// <list type="number">
/// <item>the maximum-likelihood fit, when it converges at an interior point;</item>
/// <item>at the dropout edge, the nested model there, the NBD (no dropout), fitted by maximum likelihood: it is the
/// limit the failed fit was running to;</item>
/// <item>otherwise (another edge, or the NBD is not identified either), the MAP estimate under
/// <see cref="WeaklyInformativePrior"/>;</item>
/// <item>no model only when even that fails (no repeat purchases, one customer, invalid histories).</item>
/// </list>
/// The fit says which (<see cref="ModelFit{TModel}.Estimation"/>) and why (<see cref="ModelFit{TModel}.Fallback"/>).
/// </summary>
public static class IdentifiedPurchaseModelFitter
{
    /// <summary>Fits <paramref name="likelihood"/> to <paramref name="histories"/>, falling back as described above.</summary>
    public static ModelFit<IPurchaseModel> Fit(IPurchaseLikelihood likelihood, IEnumerable<CustomerHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(likelihood);
        var list = histories as IReadOnlyList<CustomerHistory> ?? histories.ToList();
        var fit = PurchaseModelFitter.Fit(likelihood, list);
        if (fit.Converged || fit.Edge is not { } edge)
        {
            // Converged, or failed for a reason no fallback mends (data that identify no model at all).
            return fit;
        }

        if (IsDropoutEdge(likelihood, edge))
        {
            var nested = PurchaseModelFitter.Fit(new NbdLikelihood(), list);
            if (nested.Converged)
            {
                return nested with
                {
                    ModelName = likelihood.Name,
                    Estimation = EstimationMethod.NestedModel,
                    Fallback = $"{likelihood.Name} maximum likelihood is at the edge ({fit.Reason}); fitted the nested model at that edge instead: the NBD (no dropout)",
                };
            }
        }

        var map = PurchaseModelFitter.Fit(new WeaklyInformativePrior(likelihood), list);
        if (map.Model is not { } model)
        {
            return fit with { Reason = $"{fit.Reason}; the MAP estimate under a weakly-informative prior is not identified either: {map.Reason}" };
        }

        var estimates = model.Parameters.Select(p => p.Value).ToArray();
        var logLikelihood = likelihood.LogLikelihood(estimates, GroupedHistories.From(list), []);
        return map with
        {
            LogLikelihood = double.IsFinite(logLikelihood) ? logLikelihood : null,
            Estimation = EstimationMethod.MaximumAPosteriori,
            Fallback = string.Create(CultureInfo.InvariantCulture,
                $"{likelihood.Name} maximum likelihood is at the edge ({fit.Reason}); used the MAP estimate under a weakly-informative prior (log-normal, σ = {WeaklyInformativePrior.LogStandardDeviation} on each log-parameter, centred on the data-scaled start)"),
        };
    }

    // BG/NBD and MBG/NBD lose their dropout as a → 0 or b → ∞ (p ~ beta(a, b) then concentrates at 0).
    private static bool IsDropoutEdge(IPurchaseLikelihood likelihood, Numerics.ParameterEdge edge) =>
        likelihood is BgNbdLikelihood or MbgNbdLikelihood
        && ((edge.Parameter == "a" && edge.TowardsZero) || (edge.Parameter == "b" && !edge.TowardsZero));
}
