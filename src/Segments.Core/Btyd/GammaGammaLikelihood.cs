using MathNet.Numerics;

namespace Segments.Core.Btyd;

/// <summary>
/// The Gamma-Gamma log-likelihood of average spend (Fader, Hardie &amp; Lee 2005, "RFM and CLV: Using Iso-Value
/// Curves for Customer Base Analysis", Journal of Marketing Research 42(4); Fader &amp; Hardie 2013, "The
/// Gamma-Gamma Model of Monetary Value"): each transaction value z ~ gamma(p, ν) with ν ~ gamma(q, γ) across
/// customers, so the mean z̄ of x transactions has density
/// f(z̄ | x) = Γ(px + q) / (Γ(px)Γ(q)) · γ^q (x z̄)^(px−1) x / (γ + x z̄)^(px+q).
/// Parameters are (p, q, γ); every customer must have x &gt; 0 and z̄ &gt; 0.
/// </summary>
public static class GammaGammaLikelihood
{
    /// <summary>Parameter names in the order of every span here.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } = ["p", "q", "gamma"];

    /// <summary>ln L summed over <paramref name="customers"/>, with the gradient when <paramref name="gradient"/> is not empty.</summary>
    public static double Evaluate(ReadOnlySpan<double> parameters, IReadOnlyList<SpendHistory> customers, Span<double> gradient)
    {
        double p = parameters[0], q = parameters[1], gamma = parameters[2];
        var logGammaQ = SpecialFunctions.GammaLn(q);
        var psiQ = SpecialFunctions.DiGamma(q);
        var logGamma = Math.Log(gamma);
        double ll = 0, dp = 0, dq = 0, dGamma = 0;
        foreach (var c in customers)
        {
            var x = (double)c.RepeatPurchases;
            var z = c.AverageRepeatSpend;
            var px = p * x;
            var logTotal = Math.Log(gamma + (x * z));
            var logZ = Math.Log(z);
            var logX = Math.Log(x);
            // ln f = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln γ + (px − 1) ln z̄ + px ln x − (px + q) ln(γ + x z̄)
            ll += c.Weight * (SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px) - logGammaQ
                + (q * logGamma) + ((px - 1) * logZ) + (px * logX) - ((px + q) * logTotal));
            if (gradient.IsEmpty)
            {
                continue;
            }

            var psiTotal = SpecialFunctions.DiGamma(px + q);
            dp += c.Weight * x * (psiTotal - SpecialFunctions.DiGamma(px) + logZ + logX - logTotal);
            dq += c.Weight * (psiTotal - psiQ + logGamma - logTotal);
            dGamma += c.Weight * ((q / gamma) - ((px + q) / (gamma + (x * z))));
        }

        if (!gradient.IsEmpty)
        {
            gradient[0] = dp;
            gradient[1] = dq;
            gradient[2] = dGamma;
        }

        return ll;
    }
}
