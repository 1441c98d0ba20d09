using System.Globalization;

namespace Segments.Core.Numerics;

/// <summary>
/// Maximum likelihood over positive parameters: BFGS on the logarithms of the parameters (so every trial point is
/// admissible and the scales of r ≈ 0.2 and α ≈ 4 do not distort the search), on the mean log-likelihood per
/// observation (so the tolerances do not depend on the sample size), from several starting points.
/// </summary>
public static class MaximumLikelihood
{
    // Two converged starts whose values agree this closely found the same maximum; the remaining starts are skipped.
    private const double AgreementTolerance = 1e-8;

    // A maximum this many e-folds (a factor of 1.6e5) away from the data-scaled first start is on the edge of the
    // parameter space: the likelihood flattens there, so the gradient test passes without an interior maximum.
    private const double BoundaryLogDistance = 12;

    /// <summary>Maximises <paramref name="logLikelihood"/> starting from each of <paramref name="starts"/> in turn.</summary>
    /// <param name="logLikelihood">The log-likelihood with its gradient.</param>
    /// <param name="names">Parameter names, for the failure reasons.</param>
    /// <param name="starts">Starting parameter vectors (all positive); the first also sets the scale against which a
    /// maximum at the edge of the parameter space is recognised, so it should be scaled to the data.</param>
    /// <param name="observations">Number of observations (customers) the log-likelihood sums over.</param>
    /// <param name="options">Optimiser settings; defaults when null.</param>
    public static MaximumLikelihoodResult Fit(
        LogLikelihoodFunction logLikelihood, IReadOnlyList<string> names, IReadOnlyList<double[]> starts, double observations, MinimizationOptions? options = null)
    {
        var n = names.Count;
        var scale = 1 / observations;
        double Objective(ReadOnlySpan<double> logParameters, Span<double> gradient)
        {
            Span<double> parameters = stackalloc double[n];
            Span<double> parameterGradient = stackalloc double[n];
            for (var i = 0; i < n; i++)
            {
                parameters[i] = Math.Exp(logParameters[i]);
            }

            var value = logLikelihood(parameters, parameterGradient);
            if (!double.IsFinite(value))
            {
                return double.NaN;
            }

            // d(−ℓ/N)/d ln θ = −(∂ℓ/∂θ)·θ/N
            for (var i = 0; i < n; i++)
            {
                gradient[i] = -parameterGradient[i] * parameters[i] * scale;
            }

            return -value * scale;
        }

        var converged = new List<MinimizationResult>();
        MinimizationResult? firstFailure = null;
        var iterations = 0;
        var run = 0;
        foreach (var start in starts)
        {
            run++;
            var result = BfgsMinimizer.Minimize(Objective, start.Select(v => Math.Log(v)).ToArray(), options);
            iterations += result.Iterations;
            if (result.Converged)
            {
                converged.Add(result);
                if (Agreeing(converged) >= 2)
                {
                    break;
                }
            }
            else
            {
                firstFailure ??= result;
            }
        }

        var best = converged.MinBy(r => r.Value);
        if (best is not null && OnBoundary(best, starts[0], names) is { } boundary)
        {
            return new MaximumLikelihoodResult(null, double.NaN, false, boundary.Reason, iterations, run, 0) { Edge = boundary.Edge };
        }

        if (best is not null)
        {
            return new MaximumLikelihoodResult(best.Point.Select(v => Math.Exp(v)).ToArray(), -best.Value * observations, true, null, iterations, run, Agreeing(converged));
        }

        return new MaximumLikelihoodResult(null, double.NaN, false, Explain(firstFailure!, names), iterations, run, 0)
        {
            Edge = firstFailure!.DivergedCoordinate is { } diverged ? new ParameterEdge(names[diverged], firstFailure.Point[diverged] < 0) : null,
        };
    }

    private static int Agreeing(List<MinimizationResult> converged)
    {
        var best = converged.Min(r => r.Value);
        return converged.Count(r => Math.Abs(r.Value - best) <= AgreementTolerance * Math.Max(1, Math.Abs(best)));
    }

    private static (string Reason, ParameterEdge Edge)? OnBoundary(MinimizationResult best, double[] scale, IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            var distance = best.Point[i] - Math.Log(scale[i]);
            if (Math.Abs(distance) > BoundaryLogDistance)
            {
                return (string.Create(CultureInfo.InvariantCulture,
                    $"{names[i]} ran off towards {(distance < 0 ? "0" : "infinity")} ({names[i]} = {Math.Exp(best.Point[i]):G3}): the likelihood is highest at the edge of the parameter space, so these data cannot identify the model (for example: no variation between customers, or no sign of dropout)"),
                    new ParameterEdge(names[i], distance < 0));
            }
        }

        return null;
    }

    private static string Explain(MinimizationResult failure, IReadOnlyList<string> names)
    {
        if (failure.DivergedCoordinate is { } i)
        {
            var towards = failure.Point[i] < 0 ? "0" : "infinity";
            return string.Create(CultureInfo.InvariantCulture,
                $"{names[i]} diverged towards {towards} ({names[i]} = {Math.Exp(failure.Point[i]):G3}): the likelihood has no maximum at finite parameters for these data");
        }

        return failure.Reason ?? "the optimiser stopped without converging";
    }
}
