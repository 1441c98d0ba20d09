using Segments.Core.Numerics;

namespace Segments.Core.Btyd;

/// <summary>
/// The customer-level pieces of the Pareto/NBD likelihood (Fader &amp; Hardie 2005, "A Note on Deriving the
/// Pareto/NBD Model and Related Expressions", the likelihood after integrating over λ and μ):
/// L = Γ(r + x)α^r β^s / Γ(r) · [ (α + T)^−(r+x) (β + T)^−s + s/(r + s + x) · (A(t_x) − A(T)) ], where A(t) is
/// (α + t)^−(r+s+x) ₂F₁(r + s + x, s + 1; r + s + x + 1; (α − β)/(α + t)) when α ≥ β and
/// (β + t)^−(r+s+x) ₂F₁(r + s + x, r + x; r + s + x + 1; (β − α)/(β + t)) when α &lt; β.
/// The second term is s ∫ from t_x to T of (α + τ)^−(r+x) (β + τ)^−(s+1) dτ: the customer died at τ after the last purchase.
/// </summary>
/// <remarks>
/// The ₂F₁ are evaluated after Euler's transformation (Abramowitz &amp; Stegun 15.3.3), which turns them into
/// ₂F₁(1, r + x; r + s + x + 1; z) and ₂F₁(1, s + 1; r + s + x + 1; z): their terms fall off at least like n^−(1+s)
/// or n^−(r+x), instead of growing like n^(s−1), so the series stays short when α and β are far apart. Where a
/// series still cannot be summed (α and β many orders of magnitude apart), the death term is integrated
/// numerically instead, so the likelihood is never NaN. Everything is kept in logs.
/// </remarks>
/// <param name="LogSurvivor">ln[(α + T)^−(r+x)(β + T)^−s]: alive at T.</param>
/// <param name="LogDeath">ln[s/(r + s + x)·(A(t_x) − A(T))]: died between t_x and T; −∞ when t_x = T.</param>
internal readonly record struct ParetoNbdTerms(double LogSurvivor, double LogDeath)
{
    /// <summary>The pieces for one history.</summary>
    public static ParetoNbdTerms For(double r, double alpha, double s, double beta, int x, double recency, double age)
    {
        var rx = r + x;
        var logSurvivor = (-rx * Math.Log(alpha + age)) - (s * Math.Log(beta + age));
        if (recency >= age)
        {
            return new ParetoNbdTerms(logSurvivor, double.NegativeInfinity);
        }

        var atRecency = LogIntegral(alpha, s, beta, rx, recency);
        var atAge = LogIntegral(alpha, s, beta, rx, age);
        var logDeath = double.IsFinite(atRecency) && double.IsFinite(atAge)
            ? Math.Log(s / (rx + s)) + atRecency + Math.Log(-AccurateMath.ExpM1(atAge - atRecency))
            : Math.Log(s) + LogIntegralByQuadrature(alpha, s, beta, rx, recency, age);
        return new ParetoNbdTerms(logSurvivor, logDeath);
    }

    /// <summary>ln of the bracket [(α + T)^−(r+x)(β + T)^−s + s/(r + s + x)·(A(t_x) − A(T))].</summary>
    public double LogBracket()
    {
        if (double.IsNegativeInfinity(LogDeath))
        {
            return LogSurvivor;
        }

        var top = Math.Max(LogSurvivor, LogDeath);
        return top + Math.Log(Math.Exp(LogSurvivor - top) + Math.Exp(LogDeath - top));
    }

    /// <summary>ln[(r + s + x)·∫ from t to ∞] = ln A(t)·(r + s + x), through the Euler-transformed series; NaN if it cannot be summed.</summary>
    private static double LogIntegral(double alpha, double s, double beta, double rx, double t)
    {
        var c = rx + s + 1;
        if (alpha >= beta)
        {
            var z = (alpha - beta) / (alpha + t);
            return HypergeometricSeries.TryGauss(1, rx, c, z, out var f)
                ? Math.Log(f) - (rx * Math.Log(alpha + t)) - (s * Math.Log(beta + t))
                : double.NaN;
        }

        var w = (beta - alpha) / (beta + t);
        return HypergeometricSeries.TryGauss(1, s + 1, c, w, out var g)
            ? Math.Log(g) - ((rx - 1) * Math.Log(alpha + t)) - ((s + 1) * Math.Log(beta + t))
            : double.NaN;
    }

    /// <summary>
    /// ln ∫ from t_x to T of (α + τ)^−(r+x) (β + τ)^−(s+1) dτ by tanh-sinh quadrature, with the integrand divided by
    /// its value at t_x (its maximum) so that large x cannot underflow it.
    /// </summary>
    private static double LogIntegralByQuadrature(double alpha, double s, double beta, double rx, double recency, double age)
    {
        var width = age - recency;
        var integral = TanhSinhQuadrature.IntegrateUnitInterval((u, v) =>
        {
            var tau = u <= 0.5 ? recency + (width * u) : age - (width * v);
            return Math.Exp((-rx * Math.Log((alpha + tau) / (alpha + recency))) - ((s + 1) * Math.Log((beta + tau) / (beta + recency))));
        });
        return Math.Log(width * integral) - (rx * Math.Log(alpha + recency)) - ((s + 1) * Math.Log(beta + recency));
    }
}
