using Segments.Core.Numerics;

namespace Segments.Core.Btyd;

/// <summary>
/// The customer-level pieces of the Pareto/NBD likelihood (Fader &amp; Hardie 2005, "A Note on Deriving the
/// Pareto/NBD Model and Related Expressions", the likelihood after integrating over λ and μ):
/// L = Γ(r + x)α^r β^s / Γ(r) · [ (α + T)^−(r+x) (β + T)^−s + s/(r + s + x) · (A(t_x) − A(T)) ], where A(t) is
/// (α + t)^−(r+s+x) ₂F₁(r + s + x, s + 1; r + s + x + 1; (α − β)/(α + t)) when α ≥ β and
/// (β + t)^−(r+s+x) ₂F₁(r + s + x, r + x; r + s + x + 1; (β − α)/(β + t)) when α &lt; β.
/// </summary>
/// <remarks>
/// The ₂F₁ are evaluated after Euler's transformation (Abramowitz &amp; Stegun 15.3.3), which turns them into
/// ₂F₁(1, r + x; r + s + x + 1; z) and ₂F₁(1, s + 1; r + s + x + 1; z): their terms fall off at least like n^−(1+s)
/// or n^−(r+x), instead of growing like n^(s−1), so the series stays short when α and β are far apart.
/// Everything is kept in logs: <see cref="LogSurvivor"/> is ln[(α + T)^−(r+x)(β + T)^−s] and
/// <see cref="LogIntegralAtRecency"/>, <see cref="LogIntegralAtAge"/> are ln A(t_x), ln A(T).
/// </remarks>
internal readonly record struct ParetoNbdTerms(double LogSurvivor, double LogIntegralAtRecency, double LogIntegralAtAge, double DropoutShare)
{
    /// <summary>The pieces for one history; NaN fields when a series cannot be summed.</summary>
    public static ParetoNbdTerms For(double r, double alpha, double s, double beta, int x, double recency, double age)
    {
        var rx = r + x;
        var logSurvivor = (-rx * Math.Log(alpha + age)) - (s * Math.Log(beta + age));
        return new ParetoNbdTerms(
            logSurvivor,
            LogIntegral(r, alpha, s, beta, rx, recency),
            LogIntegral(r, alpha, s, beta, rx, age),
            s / (rx + s));
    }

    /// <summary>ln of the bracket [(α + T)^−(r+x)(β + T)^−s + s/(r + s + x)·(A(t_x) − A(T))].</summary>
    public double LogBracket()
    {
        var top = Math.Max(LogSurvivor, LogIntegralAtRecency);
        // A(t_x) − A(T) = A(t_x)·(1 − e^(ln A(T) − ln A(t_x))), both ≥ 0 because A decreases in t.
        var died = DropoutShare * Math.Exp(LogIntegralAtRecency - top) * -AccurateMath.ExpM1(LogIntegralAtAge - LogIntegralAtRecency);
        return top + Math.Log(Math.Exp(LogSurvivor - top) + Math.Max(0, died));
    }

    /// <summary>ln A(t) through the Euler-transformed series (see remarks).</summary>
    private static double LogIntegral(double r, double alpha, double s, double beta, double rx, double t)
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
}
