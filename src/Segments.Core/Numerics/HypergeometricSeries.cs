namespace Segments.Core.Numerics;

/// <summary>
/// Hypergeometric series for |z| &lt; 1, summed term by term until the remaining tail is below double precision:
/// ₂F₁(a, b; c; z) = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ (Abramowitz &amp; Stegun 15.1.1) and its generalisation ₃F₂.
/// </summary>
public static class HypergeometricSeries
{
    /// <summary>Terms summed before giving up; with |z| ≤ 0.999 the slowest case here needs some tens of thousands.</summary>
    public const int MaxTerms = 200_000;

    /// <summary>₂F₁(a, b; c; z), or false when the series cannot be summed (|z| ≥ 1, c a non-positive integer, too slow).</summary>
    public static bool TryGauss(double a, double b, double c, double z, out double value) =>
        TryGeneralized(a, b, 1, c, 1, z, out value);

    /// <summary>
    /// ₃F₂(a₁, a₂, a₃; b₁, b₂; z) = Σₙ (a₁)ₙ(a₂)ₙ(a₃)ₙ / ((b₁)ₙ(b₂)ₙ n!) zⁿ, or false when it cannot be summed.
    /// </summary>
    public static bool TryGeneralized(double a1, double a2, double a3, double b1, double b2, double z, out double value)
    {
        value = double.NaN;
        if (!(Math.Abs(z) < 1) || IsNonPositiveInteger(b1) || IsNonPositiveInteger(b2)
            || !double.IsFinite(a1) || !double.IsFinite(a2) || !double.IsFinite(a3))
        {
            return false;
        }

        var term = 1.0;
        var sum = 1.0;
        for (var n = 0; n < MaxTerms; n++)
        {
            var ratio = (a1 + n) * (a2 + n) * (a3 + n) / ((b1 + n) * (b2 + n) * (n + 1)) * z;
            term *= ratio;
            sum += term;
            if (term == 0)
            {
                value = sum;
                return true;
            }

            // Once successive terms shrink, the tail is bounded by a geometric series whose ratio is the larger
            // of the current ratio and |z| (the ratio tends to z from one side).
            var bound = Math.Max(Math.Abs(ratio), Math.Abs(z));
            if (Math.Abs(ratio) < 1 && Math.Abs(term) * bound / (1 - bound) <= 1e-17 * Math.Abs(sum))
            {
                value = sum;
                return double.IsFinite(sum);
            }
        }

        return false;
    }

    private static bool IsNonPositiveInteger(double v) => v <= 0 && v == Math.Floor(v);
}
