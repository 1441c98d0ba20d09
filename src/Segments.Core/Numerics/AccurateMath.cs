namespace Segments.Core.Numerics;

/// <summary>
/// ln(1 + x) and eˣ − 1 without the cancellation of the naive forms near 0 (the BCL has neither). Both use the
/// correction tricks of Goldberg (1991), "What every computer scientist should know about floating-point
/// arithmetic", Theorem 4, which keep full relative precision.
/// </summary>
public static class AccurateMath
{
    /// <summary>ln(1 + x) for x &gt; −1.</summary>
    public static double Log1P(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>eˣ − 1.</summary>
    public static double ExpM1(double x)
    {
        if (Math.Abs(x) > 0.5)
        {
            return Math.Exp(x) - 1;
        }

        var u = Math.Exp(x);
        return u == 1 ? x : (u - 1) * x / Math.Log(u);
    }

    /// <summary>
    /// (1 − e^(εL)) / ε, whose limit at ε = 0 is −L. Forecast formulas of the BTYD models divide by a − 1 or s − 1;
    /// written this way they stay exact when that parameter is at or near 1.
    /// </summary>
    public static double OneMinusExpOverEpsilon(double epsilon, double logBase) =>
        epsilon == 0 ? -logBase : -ExpM1(epsilon * logBase) / epsilon;
}
