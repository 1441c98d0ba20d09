using System.Globalization;
using Segments.Core.Numerics;

namespace Segments.Core.Btyd;

/// <summary>
/// Fits the Gamma-Gamma spend model by maximum likelihood on the repeat buyers (x &gt; 0), the customers whose z̄
/// is defined. Customers without repeat purchases are left out, as in Fader &amp; Hardie's CDNOW analysis; repeat
/// buyers with z̄ ≤ 0 (free or refunded orders) are left out and counted in the notes, because a gamma-distributed
/// spend is positive.
/// </summary>
public static class GammaGammaFitter
{
    /// <summary>The model name.</summary>
    public const string ModelName = "gammagamma";

    /// <summary>Fits the model to <paramref name="customers"/>.</summary>
    public static ModelFit<GammaGammaModel> Fit(IEnumerable<SpendHistory> customers, MinimizationOptions? options = null)
    {
        var all = customers.ToList();
        var invalid = all.FindIndex(c => !double.IsFinite(c.AverageRepeatSpend) || c.RepeatPurchases < 0 || !(c.Weight > 0));
        if (invalid >= 0)
        {
            return ModelFit<GammaGammaModel>.Failed(ModelName, all.Count,
                string.Create(CultureInfo.InvariantCulture, $"customer {invalid + 1}: x = {all[invalid].RepeatPurchases}, z̄ = {all[invalid].AverageRepeatSpend}, weight {all[invalid].Weight} cannot be used"));
        }

        var repeatBuyers = all.Where(c => c.RepeatPurchases > 0).ToList();
        var usable = repeatBuyers.Where(c => c.AverageRepeatSpend > 0).ToList();
        var excluded = repeatBuyers.Count - usable.Count;
        var notes = excluded > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{excluded} repeat buyers with zero or negative average spend left out")
            : null;
        var weight = usable.Sum(c => c.Weight);
        if (repeatBuyers.Count == 0)
        {
            return ModelFit<GammaGammaModel>.Failed(ModelName, 0, "no repeat buyers (x > 0): the spend model is fitted on repeat transactions only");
        }

        if (usable.Count == 0)
        {
            return ModelFit<GammaGammaModel>.Failed(ModelName, 0, "no repeat buyer has a positive average spend", notes: notes);
        }

        if (weight < 2 || usable.Select(c => c.AverageRepeatSpend).Distinct().Count() < 2)
        {
            return ModelFit<GammaGammaModel>.Failed(ModelName, weight,
                "spend varies between fewer than two customers: the spread of spend across customers cannot be estimated", notes: notes);
        }

        var mean = usable.Sum(c => c.Weight * c.AverageRepeatSpend) / weight;
        // Starts chosen so that the implied mean spend pγ/(q − 1) equals the observed mean.
        double[][] starts = [[1, 2, mean], [5, 4, 0.6 * mean], [1, 1, 1]];
        var result = MaximumLikelihood.Fit(
            (parameters, gradient) => GammaGammaLikelihood.Evaluate(parameters, usable, gradient),
            GammaGammaLikelihood.ParameterNames, starts, weight, options);
        return result.Converged
            ? new ModelFit<GammaGammaModel>(ModelName, weight, new GammaGammaModel(result.Estimates![0], result.Estimates[1], result.Estimates[2]),
                result.LogLikelihood, true, null, result.Iterations, notes)
            : ModelFit<GammaGammaModel>.Failed(ModelName, weight, result.Reason!, result.Iterations, notes);
    }
}
