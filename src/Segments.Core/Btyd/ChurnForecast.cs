namespace Segments.Core.Btyd;

/// <summary>
/// Churn and next-purchase forecasts of the models in which a customer can leave only at a purchase (BG/NBD,
/// MBG/NBD) or never (NBD). For those, a customer alive at T with x repeat purchases in T has posterior purchase
/// rate λ ~ gamma(r + x, α + T), and makes no purchase in the next t with probability
/// ∫ e^(−λt) gamma(λ; r + x, α + T) dλ = ((α + T)/(α + T + t))^(r + x) (whether or not they would leave later: leaving
/// needs a purchase first). Pareto/NBD customers leave in continuous time, so these forms do not apply to it.
/// </summary>
public static class ChurnForecast
{
    /// <summary>
    /// P(no purchase in the next <paramref name="horizon"/> time units | x, t_x, T) =
    /// (1 − P(alive)) + P(alive) · ((α + T)/(α + T + t))^(r + x); null for a model these forms do not cover.
    /// </summary>
    public static double? ProbabilityNoPurchase(IPurchaseModel model, in CustomerHistory history, double horizon)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (RateShape(model) is not (var r, var alpha))
        {
            return null;
        }

        var alive = model.ProbabilityAlive(history);
        var rate = alpha + history.ObservationTime;
        var silentWhileAlive = Math.Exp(-(r + history.RepeatPurchases) * Numerics.AccurateMath.Log1P(horizon / rate));
        return (1 - alive) + (alive * silentWhileAlive);
    }

    /// <summary>
    /// The median time to the next purchase of a customer who is alive: the s with
    /// ((α + T)/(α + T + s))^(r + x) = ½, i.e. s = (α + T)(2^(1/(r + x)) − 1) (the posterior waiting time is Lomax);
    /// null for a model these forms do not cover.
    /// </summary>
    public static double? MedianTimeToNextPurchaseIfAlive(IPurchaseModel model, in CustomerHistory history)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (RateShape(model) is not (var r, var alpha))
        {
            return null;
        }

        return (alpha + history.ObservationTime) * Numerics.AccurateMath.ExpM1(Math.Log(2) / (r + history.RepeatPurchases));
    }

    private static (double R, double Alpha)? RateShape(IPurchaseModel model) => model switch
    {
        BgNbdModel m => (m.R, m.Alpha),
        MbgNbdModel m => (m.R, m.Alpha),
        NbdModel m => (m.R, m.Alpha),
        _ => null,
    };
}
