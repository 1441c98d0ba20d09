using MathNet.Numerics;
using Segments.Core.Numerics;

namespace Segments.Core.Btyd;

/// <summary>
/// The log-likelihood, with its analytic gradient, shared by BG/NBD and MBG/NBD, which differ only in whether a
/// customer can leave right after the first purchase. With k = 0 (BG/NBD) or k = 1 (MBG/NBD):
/// ln L = A₁ + A₂ + ln(e^A₃ + δ e^A₄), where δ = 1 if x &gt; 0 or k = 1, and
/// A₁ = ln Γ(r + x) − ln Γ(r) + r ln α,  A₂ = ln Γ(a + b) + ln Γ(b + x + k) − ln Γ(b) − ln Γ(a + b + x + k),
/// A₃ = −(r + x) ln(α + T),  A₄ = ln a − ln(b + x + k − 1) − (r + x) ln(α + t_x).
/// With k = 0 this is Fader, Hardie &amp; Lee (2005) eq. (6) in logs; with k = 1 the MBG/NBD likelihood of Batislam,
/// Denizel &amp; Filiztekin (2007). The gradient differentiates each piece: ψ (digamma) terms from A₁ and A₂, and
/// the log-sum-exp weights π = e^A₄ / (e^A₃ + e^A₄) on the derivatives of A₃ and A₄.
/// A₁ and A₂ depend on x alone, so they are computed once per distinct x; only A₃ and A₄ are per row.
/// Parameters are (r, α, a, b).
/// </summary>
internal static class BetaGeometricLikelihood
{
    private const int Width = 5; // log-likelihood and four gradient components

    /// <summary>Parameter names of both models.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } = ["r", "alpha", "a", "b"];

    /// <summary>The log-likelihood at (r, α, a, b); <paramref name="dropoutAtFirstPurchase"/> selects MBG/NBD (k = 1).</summary>
    public static double Evaluate(ReadOnlySpan<double> parameters, GroupedHistories data, Span<double> gradient, bool dropoutAtFirstPurchase)
    {
        var k = dropoutAtFirstPurchase ? 1 : 0;
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
        for (var j = 0; j < distinct.Length; j++)
        {
            var x = distinct[j];
            var w = data.WeightByRepeatPurchases[j];
            var a1 = SpecialFunctions.GammaLn(r + x) - logGammaR + (r * logAlpha);
            var a2 = logGammaAB + SpecialFunctions.GammaLn(b + x + k) - logGammaB - SpecialFunctions.GammaLn(a + b + x + k);
            totals[0] += w * (a1 + a2);
            var psiABx = SpecialFunctions.DiGamma(a + b + x + k);
            totals[1] += w * (SpecialFunctions.DiGamma(r + x) - psiR + logAlpha);
            totals[2] += w * r / alpha;
            totals[3] += w * (psiAB - psiABx);
            totals[4] += w * (psiAB + SpecialFunctions.DiGamma(b + x + k) - psiB - psiABx);
            if (x + k > 0)
            {
                logBMinus1[j] = Math.Log(b + x + k - 1);
                inverseBMinus1[j] = 1 / (b + x + k - 1);
            }
        }

        // ln(α + T), 1/(α + T) and the same for t_x, once per distinct value.
        var (logAge, inverseAge) = LogAndInverse(alpha, data.DistinctObservationTimes);
        var (logRecency, inverseRecency) = LogAndInverse(alpha, data.DistinctLastPurchaseTimes);
        var tables = new RowTables(logAge, inverseAge, logRecency, inverseRecency, logBMinus1, inverseBMinus1);

        Span<double> rows = stackalloc double[Width];
        var logA = Math.Log(a);
        ChunkedSum.Run(data.Count, (start, end, sums) =>
            AccumulateRows(data, tables, start, end, k, r, a, logA, sums), rows);
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

    private static (double[] Log, double[] Inverse) LogAndInverse(double alpha, double[] times)
    {
        var log = new double[times.Length];
        var inverse = new double[times.Length];
        for (var i = 0; i < times.Length; i++)
        {
            log[i] = Math.Log(alpha + times[i]);
            inverse[i] = 1 / (alpha + times[i]);
        }

        return (log, inverse);
    }

    /// <summary>The per-row part, ln(e^A₃ + δ e^A₄), and its derivatives, over rows [start, end).</summary>
    private static void AccumulateRows(GroupedHistories data, RowTables tables, int start, int end, int k, double r, double a, double logA, Span<double> sums)
    {
        var xs = data.RepeatPurchases;
        var ws = data.Weights;
        var repeatIndex = data.RepeatIndex;
        var ageIndex = data.ObservationIndex;
        var recencyIndex = data.LastPurchaseIndex;
        double ll = 0, dr = 0, dAlpha = 0, dA = 0, dB = 0;
        for (var i = start; i < end; i++)
        {
            var w = ws[i];
            var x = xs[i];
            var logAge = tables.LogAge[ageIndex[i]];
            var inverseAge = tables.InverseAge[ageIndex[i]];
            var rx = r + x;
            if (x + k == 0)
            {
                ll -= w * r * logAge;
                dr -= w * logAge;
                dAlpha -= w * r * inverseAge;
                continue;
            }

            var logRecency = tables.LogRecency[recencyIndex[i]];
            var inverseRecency = tables.InverseRecency[recencyIndex[i]];
            var j = repeatIndex[i];
            var a3 = -rx * logAge;
            var a4 = logA - tables.LogBMinus1[j] - (rx * logRecency);

            // ln(e^A₃ + e^A₄) = max + ln(1 + e^−|A₃−A₄|); pi is the share of the second term, e^A₄ / (e^A₃ + e^A₄).
            var difference = a4 - a3;
            var e = Math.Exp(-Math.Abs(difference));
            var logSum = Math.Max(a3, a4) + Math.Log(1 + e);
            var pi = difference > 0 ? 1 / (1 + e) : e / (1 + e);
            ll += w * logSum;
            dr -= w * (((1 - pi) * logAge) + (pi * logRecency));
            dAlpha -= w * rx * (((1 - pi) * inverseAge) + (pi * inverseRecency));
            dA += w * pi / a;
            dB -= w * pi * tables.InverseBMinus1[j];
        }

        sums[0] += ll;
        sums[1] += dr;
        sums[2] += dAlpha;
        sums[3] += dA;
        sums[4] += dB;
    }

    /// <summary>Per-distinct-value tables the row loop looks up.</summary>
    private sealed record RowTables(double[] LogAge, double[] InverseAge, double[] LogRecency, double[] InverseRecency, double[] LogBMinus1, double[] InverseBMinus1);
}
