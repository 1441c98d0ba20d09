namespace Segments.Core.Btyd;

/// <summary>
/// A purchase model's log-likelihood plus a weakly-informative log prior, so that maximising it gives the maximum a
/// posteriori (MAP) estimate. Each parameter's logarithm gets an independent normal prior centred on the model's
/// data-scaled first starting point (r = 0.5 and α = 0.5 / repeat rate, i.e. a mean purchase rate equal to the
/// observed one; a = 1, b = 2 for the dropout) with standard deviation <see cref="LogStandardDeviation"/> e-folds:
/// wide enough (a factor of 12 either way per standard deviation) that any interior maximum the data support wins,
/// but proper, so a likelihood that keeps rising towards an edge is held at a finite, stated point.
/// </summary>
public sealed class WeaklyInformativePrior(IPurchaseLikelihood likelihood) : IPurchaseLikelihood
{
    /// <summary>Standard deviation of each log-parameter's normal prior.</summary>
    public const double LogStandardDeviation = 2.5;

    /// <inheritdoc />
    public string Name => likelihood.Name;

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => likelihood.ParameterNames;

    /// <summary>The log-likelihood without the prior (what a run reports as the fit's log-likelihood).</summary>
    public IPurchaseLikelihood Likelihood => likelihood;

    /// <inheritdoc />
    public double LogLikelihood(ReadOnlySpan<double> parameters, GroupedHistories data, Span<double> gradient)
    {
        var value = likelihood.LogLikelihood(parameters, data, gradient);
        var centre = likelihood.StartingPoints(data)[0];
        const double variance = LogStandardDeviation * LogStandardDeviation;
        for (var i = 0; i < parameters.Length; i++)
        {
            // log N(ln θ; ln θ₀, σ²) up to a constant, and its derivative in θ: −(ln θ − ln θ₀)/(σ² θ).
            var deviation = Math.Log(parameters[i]) - Math.Log(centre[i]);
            value -= deviation * deviation / (2 * variance);
            if (!gradient.IsEmpty)
            {
                gradient[i] -= deviation / (variance * parameters[i]);
            }
        }

        return value;
    }

    /// <inheritdoc />
    public IReadOnlyList<double[]> StartingPoints(GroupedHistories data) => likelihood.StartingPoints(data);

    /// <inheritdoc />
    public IPurchaseModel CreateModel(ReadOnlySpan<double> parameters) => likelihood.CreateModel(parameters);
}
