using MathNet.Numerics;
using Segments.Core.Numerics;

namespace Segments.Core.Btyd;

/// <summary>
/// The Pareto/NBD log-likelihood (Schmittlein, Morrison &amp; Colombo 1987, "Counting Your Customers: Who Are They
/// and What Will They Do Next?", Management Science 33(1); in the form of Fader &amp; Hardie's 2005 derivation note,
/// see <see cref="ParetoNbdTerms"/>). Parameters are (r, α, s, β).
/// </summary>
/// <remarks>
/// The gradient is taken by central differences in log-parameters (step 1e-5, error ~1e-10 relative): the
/// analytic derivatives of ₂F₁ in its parameters are series of their own and would double the code for a model
/// that is fitted on thousands of distinct histories, not millions.
/// </remarks>
public sealed class ParetoNbdLikelihood : IPurchaseLikelihood
{
    private const double LogStep = 1e-5;

    /// <inheritdoc />
    public string Name => "paretonbd";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; } = ["r", "alpha", "s", "beta"];

    /// <inheritdoc />
    public double LogLikelihood(ReadOnlySpan<double> parameters, GroupedHistories data, Span<double> gradient)
    {
        var value = Value(parameters, data);
        if (gradient.IsEmpty || !double.IsFinite(value))
        {
            return value;
        }

        Span<double> shifted = stackalloc double[4];
        for (var i = 0; i < 4; i++)
        {
            parameters.CopyTo(shifted);
            shifted[i] = parameters[i] * Math.Exp(LogStep);
            var up = Value(shifted, data);
            shifted[i] = parameters[i] * Math.Exp(-LogStep);
            var down = Value(shifted, data);
            // dℓ/dθ = (dℓ/d ln θ) / θ
            gradient[i] = (up - down) / (2 * LogStep * parameters[i]);
        }

        return value;
    }

    /// <inheritdoc />
    public IReadOnlyList<double[]> StartingPoints(GroupedHistories data) => StartingPointGuide.Pareto(data);

    /// <inheritdoc />
    public IPurchaseModel CreateModel(ReadOnlySpan<double> parameters) => new ParetoNbdModel(parameters[0], parameters[1], parameters[2], parameters[3]);

    private static double Value(ReadOnlySpan<double> parameters, GroupedHistories data)
    {
        double r = parameters[0], alpha = parameters[1], s = parameters[2], beta = parameters[3];

        // Γ(r + x)α^r β^s / Γ(r) depends on x alone.
        var total = 0.0;
        var logGammaR = SpecialFunctions.GammaLn(r);
        var constant = (r * Math.Log(alpha)) + (s * Math.Log(beta)) - logGammaR;
        for (var j = 0; j < data.DistinctRepeatPurchases.Length; j++)
        {
            total += data.WeightByRepeatPurchases[j] * (SpecialFunctions.GammaLn(r + data.DistinctRepeatPurchases[j]) + constant);
        }

        Span<double> rows = stackalloc double[1];
        ChunkedSum.Run(data.Count, (start, end, sums) =>
        {
            var sum = 0.0;
            for (var i = start; i < end; i++)
            {
                var terms = ParetoNbdTerms.For(r, alpha, s, beta, data.RepeatPurchases[i], data.LastPurchaseTimes[i], data.ObservationTimes[i]);
                sum += data.Weights[i] * terms.LogBracket();
            }

            sums[0] += sum;
        }, rows);
        return total + rows[0];
    }
}
