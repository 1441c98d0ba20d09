using System.Globalization;
using Segments.Core.Numerics;

namespace Segments.Core.Btyd;

/// <summary>
/// Fits a purchase model by maximum likelihood: checks the histories, groups identical ones, and maximises from
/// several starting points. Data that cannot identify the model give a failed fit with the reason, never NaN.
/// </summary>
public static class PurchaseModelFitter
{
    /// <summary>Fits <paramref name="likelihood"/> to <paramref name="histories"/>.</summary>
    public static ModelFit<IPurchaseModel> Fit(IPurchaseLikelihood likelihood, IEnumerable<CustomerHistory> histories, MinimizationOptions? options = null)
    {
        var list = histories as IReadOnlyList<CustomerHistory> ?? histories.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].FindProblem() is { } problem)
            {
                return ModelFit<IPurchaseModel>.Failed(likelihood.Name, list.Count, $"customer history {i + 1}: {problem}");
            }
        }

        return Fit(likelihood, GroupedHistories.From(list), options);
    }

    /// <summary>Fits <paramref name="likelihood"/> to histories already grouped (and validated).</summary>
    public static ModelFit<IPurchaseModel> Fit(IPurchaseLikelihood likelihood, GroupedHistories data, MinimizationOptions? options = null)
    {
        if (data.Count == 0)
        {
            return ModelFit<IPurchaseModel>.Failed(likelihood.Name, 0, "no customers to fit");
        }

        if (data.Customers < 2)
        {
            return ModelFit<IPurchaseModel>.Failed(likelihood.Name, data.Customers,
                "one customer cannot identify a model of how purchase and dropout rates vary between customers");
        }

        if (data.DistinctRepeatPurchases is [0])
        {
            return ModelFit<IPurchaseModel>.Failed(likelihood.Name, data.Customers,
                "no customer made a repeat purchase (every x is 0): the purchase rate cannot be estimated");
        }

        var result = MaximumLikelihood.Fit(
            (parameters, gradient) => likelihood.LogLikelihood(parameters, data, gradient),
            likelihood.ParameterNames,
            likelihood.StartingPoints(data),
            data.Customers,
            options);
        if (!result.Converged)
        {
            return ModelFit<IPurchaseModel>.Failed(likelihood.Name, data.Customers, result.Reason!, result.Iterations) with { Edge = result.Edge };
        }

        var notes = string.Create(CultureInfo.InvariantCulture,
            $"{data.Count} distinct histories; {result.StartsAgreeing} of {result.StartsRun} starting points reached the maximum");
        return new ModelFit<IPurchaseModel>(likelihood.Name, data.Customers, likelihood.CreateModel([.. result.Estimates!]),
            result.LogLikelihood, true, null, result.Iterations, notes);
    }
}
