using MathNet.Numerics;
using Segments.Core.Numerics;

namespace Segments.Core.Btyd;

/// <summary>
/// Expected purchases in the next t periods of a customer known to be alive, under the beta-geometric dropout
/// of the BG/NBD and MBG/NBD models. With λ ~ gamma(shape, rate) and p ~ beta(a, b) as the customer's posterior,
/// E = E_p[(1/p)(1 − (rate / (rate + p t))^shape)], which Fader, Hardie &amp; Lee (2005) write in closed form as the
/// bracket of their eq. (10): (a + b − 1)/(a − 1) · [1 − (rate/(rate + t))^shape · ₂F₁(shape, b; a + b − 1; t/(rate + t))].
/// </summary>
internal static class BetaGeometricForecast
{
    /// <summary>The expectation above. <paramref name="b"/> is the posterior b (b + x for BG/NBD, b + x + 1 for MBG/NBD).</summary>
    public static double ExpectedWhileAlive(double shape, double rate, double a, double b, double horizon)
    {
        if (horizon <= 0)
        {
            return 0;
        }

        var c = a + b - 1;
        return c >= 0.5 && TrySeries(shape, rate, a, c, horizon, out var value) ? value : Quadrature(shape, rate, a, b, horizon);
    }

    /// <summary>
    /// The closed form, rearranged so that it stays exact at a = 1 where eq. (10) reads 0/0. With z = t/(rate + t),
    /// L = ln(1 − z) and c = a + b − 1, Euler's transformation (A&amp;S 15.3.3) gives
    /// (1 − z)^shape ₂F₁(shape, b; c; z) = (1 − z)^(a−1) ₂F₁(c − shape, a − 1; c; z), and ₂F₁(A, a − 1; c; z) − 1 =
    /// (a − 1)·S with S = (A z / c)·₃F₂(A + 1, a, 1; c + 1, 2; z). So E = c·[(1 − e^((a−1)L))/(a − 1) − e^((a−1)L)·S].
    /// </summary>
    private static bool TrySeries(double shape, double rate, double a, double c, double horizon, out double value)
    {
        var z = horizon / (rate + horizon);
        var logOneMinusZ = -AccurateMath.Log1P(horizon / rate);
        var upper = c - shape;
        if (!HypergeometricSeries.TryGeneralized(upper + 1, a, 1, c + 1, 2, z, out var generalized))
        {
            value = double.NaN;
            return false;
        }

        var s = upper * z / c * generalized;
        value = c * (AccurateMath.OneMinusExpOverEpsilon(a - 1, logOneMinusZ) - (Math.Exp((a - 1) * logOneMinusZ) * s));
        return double.IsFinite(value);
    }

    /// <summary>The defining integral over p, for the corner (a + b &lt; 1.5) where the series is ill-conditioned.</summary>
    private static double Quadrature(double shape, double rate, double a, double b, double horizon)
    {
        var logBeta = SpecialFunctions.BetaLn(a, b);
        var k = horizon / rate;
        return TanhSinhQuadrature.IntegrateUnitInterval((p, q) =>
        {
            // (1/p)(1 − (1 + p k)^−shape) · p^(a−1) q^(b−1) / B(a, b)
            var spent = -AccurateMath.ExpM1(-shape * AccurateMath.Log1P(p * k));
            return spent * Math.Exp(((a - 2) * Math.Log(p)) + ((b - 1) * Math.Log(q)) - logBeta);
        });
    }
}
