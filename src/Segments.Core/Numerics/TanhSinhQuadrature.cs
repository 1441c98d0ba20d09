namespace Segments.Core.Numerics;

/// <summary>
/// ∫₀¹ f(p) dp by the double-exponential (tanh-sinh) rule of Takahasi &amp; Mori (1974), which stays accurate
/// with integrable singularities at either end. The integrand receives both p and 1 − p, each computed directly,
/// so that it can evaluate powers of 1 − p near p = 1 without cancellation.
/// </summary>
public static class TanhSinhQuadrature
{
    // Step and range in the u variable: at |u| = 6.5 the nodes are within 1e-300 of the ends (or underflow and
    // are skipped), which covers integrands as singular as p^(-0.99).
    private const double Step = 1.0 / 32;
    private const double Range = 6.5;

    /// <summary>The integral over (0, 1) of <paramref name="integrand"/>(p, 1 − p).</summary>
    public static double IntegrateUnitInterval(Func<double, double, double> integrand)
    {
        var sum = 0.0;
        var steps = (int)(Range / Step);
        for (var k = -steps; k <= steps; k++)
        {
            var u = k * Step;
            var inner = Math.PI / 2 * Math.Sinh(u);
            var p = 1 / (1 + Math.Exp(-2 * inner));
            var q = 1 / (1 + Math.Exp(2 * inner));
            if (p <= 0 || q <= 0)
            {
                continue;
            }

            // dp/du = (π/2) cosh u / (2 cosh²(inner)) = π cosh u · p · q
            var weight = Math.PI * Math.Cosh(u) * p * q;
            var value = integrand(p, q);
            if (double.IsFinite(value))
            {
                sum += weight * value;
            }
        }

        return sum * Step;
    }
}
