using MathNet.Numerics;
using Segments.Core.Numerics;

namespace Segments.Core.Btyd;

/// <summary>
/// The BG/NBD log-likelihood of Fader, Hardie &amp; Lee (2005), "'Counting Your Customers' the Easy Way: An
/// Alternative to the Pareto/NBD Model", Marketing Science 24(2), eq. (6), with its analytic gradient.
/// Parameters are (r, α, a, b).
/// </summary>
/// <remarks>
/// Eq. (6) written in logs, as in Fader &amp; Hardie's implementation notes:
/// ln L = A₁ + A₂ + ln(e^A₃ + δ_{x&gt;0} e^A₄), with
/// A₁ = ln Γ(r + x) − ln Γ(r) + r ln α,  A₂ = ln Γ(a + b) + ln Γ(b + x) − ln Γ(b) − ln Γ(a + b + x),
/// A₃ = −(r + x) ln(α + T),  A₄ = ln a − ln(b + x − 1) − (r + x) ln(α + t_x).
/// A₁ and A₂ depend on x alone, so they are computed once per distinct x; only A₃ and A₄ are per row.
/// </remarks>
public sealed class BgNbdLikelihood : IPurchaseLikelihood
{
    private const int Width = 5; // log-likelihood and four gradient components

    /// <inheritdoc />
    public string Name => "bgnbd";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; } = ["r", "alpha", "a", "b"];

    /// <inheritdoc />
    public double LogLikelihood(ReadOnlySpan<double> parameters, GroupedHistories data, Span<double> gradient)
    {
        double r = parameters[0], alpha = parameters[1], a = parameters[2], b = parameters[3];
        var distinct = data.DistinctRepeatPurchases;
        var logBMinus1 = new double[distinct.Length];
        var inverseBMinus1 = new double[distinct.Length];
        Span<double> totals = stackalloc double[Width];
        totals.Clear();

        // Terms in x alone (A₁, A₂), weighted by the customers with that x.
        var psiR = SpecialFunctions.DiGamma(r);
        var psiB = SpecialFunctions.DiGamma(b);
        var psiAB = SpecialFunctions.DiGamma(a + b);
        var logGammaR = SpecialFunctions.GammaLn(r);
        var logGammaB = SpecialFunctions.GammaLn(b);
        var logGammaAB = SpecialFunctions.GammaLn(a + b);
        var logAlpha = Math.Log(alpha);
        for (var k = 0; k < distinct.Length; k++)
        {
            var x = distinct[k];
            var w = data.WeightByRepeatPurchases[k];
            var a1 = SpecialFunctions.GammaLn(r + x) - logGammaR + (r * logAlpha);
            var a2 = logGammaAB + SpecialFunctions.GammaLn(b + x) - logGammaB - SpecialFunctions.GammaLn(a + b + x);
            totals[0] += w * (a1 + a2);
            var psiABx = SpecialFunctions.DiGamma(a + b + x);
            totals[1] += w * (SpecialFunctions.DiGamma(r + x) - psiR + logAlpha);
            totals[2] += w * r / alpha;
            totals[3] += w * (psiAB - psiABx);
            totals[4] += w * (psiAB + SpecialFunctions.DiGamma(b + x) - psiB - psiABx);
            if (x > 0)
            {
                logBMinus1[k] = Math.Log(b + x - 1);
                inverseBMinus1[k] = 1 / (b + x - 1);
            }
        }

        Span<double> rows = stackalloc double[Width];
        var logA = Math.Log(a);
        ChunkedSum.Run(data.Count, (start, end, sums) =>
            AccumulateRows(data, start, end, r, alpha, a, logA, logBMinus1, inverseBMinus1, sums), rows);
        for (var j = 0; j < Width; j++)
        {
            totals[j] += rows[j];
        }

        if (!gradient.IsEmpty)
        {
            totals[1..].CopyTo(gradient);
        }

        return totals[0];
    }

    /// <inheritdoc />
    public IReadOnlyList<double[]> StartingPoints(GroupedHistories data) => StartingPointGuide.BetaGeometric(data);

    /// <inheritdoc />
    public IPurchaseModel CreateModel(ReadOnlySpan<double> parameters) => new BgNbdModel(parameters[0], parameters[1], parameters[2], parameters[3]);

    /// <summary>The per-row part, ln(e^A₃ + δ e^A₄), and its derivatives, over rows [start, end).</summary>
    private static void AccumulateRows(
        GroupedHistories data, int start, int end, double r, double alpha, double a, double logA,
        double[] logBMinus1, double[] inverseBMinus1, Span<double> sums)
    {
        var xs = data.RepeatPurchases;
        var txs = data.LastPurchaseTimes;
        var ts = data.ObservationTimes;
        var ws = data.Weights;
        var index = data.RepeatIndex;
        double ll = 0, dr = 0, dAlpha = 0, dA = 0, dB = 0;
        for (var i = start; i < end; i++)
        {
            var w = ws[i];
            var x = xs[i];
            var ageRate = alpha + ts[i];
            var logAge = Math.Log(ageRate);
            var rx = r + x;
            if (x == 0)
            {
                ll -= w * r * logAge;
                dr -= w * logAge;
                dAlpha -= w * r / ageRate;
                continue;
            }

            var recencyRate = alpha + txs[i];
            var logRecency = Math.Log(recencyRate);
            var a3 = -rx * logAge;
            var a4 = logA - logBMinus1[index[i]] - (rx * logRecency);

            // ln(e^A₃ + e^A₄) = max + ln(1 + e^−|A₃−A₄|); pi is the share of the second term, e^A₄ / (e^A₃ + e^A₄).
            var difference = a4 - a3;
            var e = Math.Exp(-Math.Abs(difference));
            var logSum = Math.Max(a3, a4) + Math.Log(1 + e);
            var pi = difference > 0 ? 1 / (1 + e) : e / (1 + e);
            ll += w * logSum;
            dr -= w * (((1 - pi) * logAge) + (pi * logRecency));
            dAlpha -= w * rx * (((1 - pi) / ageRate) + (pi / recencyRate));
            dA += w * pi / a;
            dB -= w * pi * inverseBMinus1[index[i]];
        }

        sums[0] += ll;
        sums[1] += dr;
        sums[2] += dAlpha;
        sums[3] += dA;
        sums[4] += dB;
    }
}
