using System.Globalization;
using Segments.Core.Numerics;

namespace Segments.Core.Btyd;

/// <summary>
/// A fitted Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987): purchases follow a Poisson process with rate
/// λ ~ gamma(r, α) while the customer is alive; lifetimes are exponential with rate μ ~ gamma(s, β).
/// </summary>
/// <param name="R">Shape r of the purchase-rate distribution.</param>
/// <param name="Alpha">Rate α of the purchase-rate distribution, in the fit's time unit.</param>
/// <param name="S">Shape s of the dropout-rate distribution.</param>
/// <param name="Beta">Rate β of the dropout-rate distribution, in the fit's time unit.</param>
public sealed record ParetoNbdModel(double R, double Alpha, double S, double Beta) : IPurchaseModel
{
    /// <inheritdoc />
    public string Name => "paretonbd";

    /// <inheritdoc />
    public IReadOnlyList<ModelParameter> Parameters => [new("r", R), new("alpha", Alpha), new("s", S), new("beta", Beta)];

    /// <summary>
    /// P(alive | x, t_x, T): the share of the likelihood from "still alive at T", (α + T)^−(r+x)(β + T)^−s divided by
    /// the whole bracket (Fader &amp; Hardie 2005 derivation note). Below 1 for one-time buyers too.
    /// </summary>
    public double ProbabilityAlive(in CustomerHistory history)
    {
        var terms = ParetoNbdTerms.For(R, Alpha, S, Beta, history.RepeatPurchases, history.LastPurchaseTime, history.ObservationTime);
        return Math.Exp(terms.LogSurvivor - terms.LogBracket());
    }

    /// <summary>
    /// E[Y(t) | x, t_x, T] = P(alive) · (r + x)(β + T) / ((α + T)(s − 1)) · [1 − ((β + T)/(β + T + t))^(s−1)]
    /// (Schmittlein et al. 1987; Fader &amp; Hardie 2005 note), with the bracket over s − 1 evaluated so that it stays
    /// exact at s = 1, where it tends to ln((β + T + t)/(β + T)).
    /// </summary>
    public double ExpectedPurchases(in CustomerHistory history, double horizon)
    {
        if (horizon <= 0)
        {
            return 0;
        }

        var age = Beta + history.ObservationTime;
        var perUnitDropout = AccurateMath.OneMinusExpOverEpsilon(S - 1, -AccurateMath.Log1P(horizon / age));
        return ProbabilityAlive(history) * (R + history.RepeatPurchases) / (Alpha + history.ObservationTime) * age * perUnitDropout;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Pareto/NBD r={R:G6} alpha={Alpha:G6} s={S:G6} beta={Beta:G6}");
}
