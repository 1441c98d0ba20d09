using System.Globalization;

namespace Segments.Core.Btyd;

/// <summary>
/// A fitted MBG/NBD model (Batislam, Denizel &amp; Filiztekin 2007): as BG/NBD, but the customer may also leave right
/// after the first purchase, so one-time buyers are not all certainly alive.
/// </summary>
/// <param name="R">Shape r of the purchase-rate distribution.</param>
/// <param name="Alpha">Rate α of the purchase-rate distribution, in the fit's time unit.</param>
/// <param name="A">Beta a of the dropout probability.</param>
/// <param name="B">Beta b of the dropout probability.</param>
public sealed record MbgNbdModel(double R, double Alpha, double A, double B) : IPurchaseModel
{
    /// <inheritdoc />
    public string Name => "mbgnbd";

    /// <inheritdoc />
    public IReadOnlyList<ModelParameter> Parameters => [new("r", R), new("alpha", Alpha), new("a", A), new("b", B)];

    /// <summary>
    /// P(alive | x, t_x, T) = 1 / (1 + a/(b + x) · ((α + T)/(α + t_x))^(r + x)), Batislam et al. (2007): the ratio of
    /// the second likelihood term (left right after the last purchase) to the first (still alive), for every x.
    /// </summary>
    public double ProbabilityAlive(in CustomerHistory history)
    {
        var x = history.RepeatPurchases;
        var logOdds = Math.Log(A) - Math.Log(B + x)
            + ((R + x) * (Math.Log(Alpha + history.ObservationTime) - Math.Log(Alpha + history.LastPurchaseTime)));
        return 1 / (1 + Math.Exp(logOdds));
    }

    /// <summary>
    /// E[Y(t) | x, t_x, T] of Batislam et al. (2007): P(alive) times the expected purchases of a customer alive at T,
    /// whose dropout probability has survived x + 1 chances, p ~ beta(a, b + x + 1), with λ ~ gamma(r + x, α + T):
    /// (a + b + x)/(a − 1) · [1 − ((α + T)/(α + T + t))^(r+x) ₂F₁(r + x, b + x + 1; a + b + x; t/(α + T + t))].
    /// </summary>
    public double ExpectedPurchases(in CustomerHistory history, double horizon) =>
        ProbabilityAlive(history) * BetaGeometricForecast.ExpectedWhileAlive(
            R + history.RepeatPurchases, Alpha + history.ObservationTime, A, B + history.RepeatPurchases + 1, horizon);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"MBG/NBD r={R:G6} alpha={Alpha:G6} a={A:G6} b={B:G6}");
}
