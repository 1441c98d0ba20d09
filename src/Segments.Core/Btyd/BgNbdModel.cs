using System.Globalization;

namespace Segments.Core.Btyd;

/// <summary>
/// A fitted BG/NBD model (Fader, Hardie &amp; Lee 2005): purchases follow a Poisson process with rate
/// λ ~ gamma(r, α); after each repeat purchase the customer leaves with probability p ~ beta(a, b).
/// </summary>
/// <param name="R">Shape r of the purchase-rate distribution.</param>
/// <param name="Alpha">Rate α of the purchase-rate distribution, in the fit's time unit.</param>
/// <param name="A">Beta a of the dropout probability.</param>
/// <param name="B">Beta b of the dropout probability.</param>
public sealed record BgNbdModel(double R, double Alpha, double A, double B) : IPurchaseModel
{
    /// <inheritdoc />
    public string Name => "bgnbd";

    /// <inheritdoc />
    public IReadOnlyList<ModelParameter> Parameters => [new("r", R), new("alpha", Alpha), new("a", A), new("b", B)];

    /// <summary>
    /// P(alive | x, t_x, T) = 1 / (1 + δ_{x&gt;0} · a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x)): Fader, Hardie &amp; Lee
    /// (2008 note), "Computing P(alive) Using the BG/NBD Model". A customer without repeat purchases has had no
    /// chance to leave under this model, so P(alive) = 1; that is the property MBG/NBD was built to change.
    /// </summary>
    public double ProbabilityAlive(in CustomerHistory history)
    {
        var x = history.RepeatPurchases;
        if (x == 0)
        {
            return 1;
        }

        var logOdds = Math.Log(A) - Math.Log(B + x - 1)
            + ((R + x) * (Math.Log(Alpha + history.ObservationTime) - Math.Log(Alpha + history.LastPurchaseTime)));
        return 1 / (1 + Math.Exp(logOdds));
    }

    /// <summary>
    /// E[Y(t) | x, t_x, T], Fader, Hardie &amp; Lee (2005) eq. (10): P(alive) times the expected purchases of a customer
    /// alive at T with posterior λ ~ gamma(r + x, α + T) and p ~ beta(a, b + x).
    /// </summary>
    public double ExpectedPurchases(in CustomerHistory history, double horizon) =>
        ProbabilityAlive(history) * BetaGeometricForecast.ExpectedWhileAlive(
            R + history.RepeatPurchases, Alpha + history.ObservationTime, A, B + history.RepeatPurchases, horizon);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"BG/NBD r={R:G6} alpha={Alpha:G6} a={A:G6} b={B:G6}");
}
