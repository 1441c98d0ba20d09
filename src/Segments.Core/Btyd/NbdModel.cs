using System.Globalization;

namespace Segments.Core.Btyd;

/// <summary>
/// A fitted NBD model (Ehrenberg 1959; Morrison &amp; Schmittlein 1988): purchases follow a Poisson process with rate
/// λ ~ gamma(r, α) and nobody ever leaves. It is the limit of BG/NBD and MBG/NBD as the dropout parameter a runs
/// to 0 (every dropout probability p is then 0), so it is the model those fits reach when their likelihood is
/// highest at that edge.
/// </summary>
/// <param name="R">Shape r of the purchase-rate distribution.</param>
/// <param name="Alpha">Rate α of the purchase-rate distribution, in the fit's time unit.</param>
public sealed record NbdModel(double R, double Alpha) : IPurchaseModel
{
    /// <inheritdoc />
    public string Name => "nbd";

    /// <inheritdoc />
    public IReadOnlyList<ModelParameter> Parameters => [new("r", R), new("alpha", Alpha)];

    /// <summary>Nobody leaves under the NBD, so P(alive) is 1 for every customer.</summary>
    public double ProbabilityAlive(in CustomerHistory history) => 1;

    /// <summary>
    /// E[Y(t) | x, T] = t · (r + x)/(α + T): the posterior of λ after x repeat purchases in T is gamma(r + x, α + T)
    /// (Morrison &amp; Schmittlein 1988; the BG/NBD eq. (10) with a → 0).
    /// </summary>
    public double ExpectedPurchases(in CustomerHistory history, double horizon) =>
        horizon <= 0 ? 0 : horizon * (R + history.RepeatPurchases) / (Alpha + history.ObservationTime);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"NBD r={R:G6} alpha={Alpha:G6}");
}
