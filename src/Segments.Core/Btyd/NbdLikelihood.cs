using MathNet.Numerics;

namespace Segments.Core.Btyd;

/// <summary>
/// The NBD log-likelihood of x repeat purchases in an observation time T, with parameters (r, α):
/// ln L = ln Γ(r + x) − ln Γ(r) + r ln α − (r + x) ln(α + T) (the BG/NBD likelihood of Fader, Hardie &amp; Lee 2005,
/// eq. (6), at a = 0, where the term of customers who left vanishes; the timing t_x then carries no information).
/// Gradient: ∂/∂r = ψ(r + x) − ψ(r) + ln α − ln(α + T), ∂/∂α = r/α − (r + x)/(α + T).
/// </summary>
public sealed class NbdLikelihood : IPurchaseLikelihood
{
    /// <inheritdoc />
    public string Name => "nbd";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; } = ["r", "alpha"];

    /// <inheritdoc />
    public double LogLikelihood(ReadOnlySpan<double> parameters, GroupedHistories data, Span<double> gradient)
    {
        ArgumentNullException.ThrowIfNull(data);
        double r = parameters[0], alpha = parameters[1];
        var logGammaR = SpecialFunctions.GammaLn(r);
        var psiR = SpecialFunctions.DiGamma(r);
        var logAlpha = Math.Log(alpha);
        double ll = 0, dr = 0, dAlpha = 0;
        for (var i = 0; i < data.Count; i++)
        {
            var w = data.Weights[i];
            var rx = r + data.RepeatPurchases[i];
            var age = alpha + data.ObservationTimes[i];
            var logAge = Math.Log(age);
            ll += w * (SpecialFunctions.GammaLn(rx) - logGammaR + (r * logAlpha) - (rx * logAge));
            dr += w * (SpecialFunctions.DiGamma(rx) - psiR + logAlpha - logAge);
            dAlpha += w * ((r / alpha) - (rx / age));
        }

        if (!gradient.IsEmpty)
        {
            gradient[0] = dr;
            gradient[1] = dAlpha;
        }

        return ll;
    }

    /// <inheritdoc />
    public IReadOnlyList<double[]> StartingPoints(GroupedHistories data) =>
        StartingPointGuide.BetaGeometric(data).Select(start => start[..2]).ToList();

    /// <inheritdoc />
    public IPurchaseModel CreateModel(ReadOnlySpan<double> parameters) => new NbdModel(parameters[0], parameters[1]);
}
