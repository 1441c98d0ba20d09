namespace Segments.Core.Btyd;

/// <summary>E[X(t)]: expected repeat purchases in the first t time units after a customer's first purchase, knowing nothing else.</summary>
public static class UnconditionalForecast
{
    /// <summary>
    /// BG/NBD: Fader, Hardie &amp; Lee (2005) eq. (9), (a + b − 1)/(a − 1) · [1 − (α/(α + t))^r ₂F₁(r, b; a + b − 1; t/(α + t))],
    /// the expectation while alive at the prior. MBG/NBD (Batislam et al. 2007): the customer survives the first
    /// dropout chance with probability b/(a + b), after which p ~ beta(a, b + 1), so E[X(t)] = b/(a + b) times the same
    /// form with b + 1 (the expression lifetimes' ModifiedBetaGeoFitter uses). NBD: r t / α. Null for other models.
    /// </summary>
    public static double? ExpectedRepeatPurchases(IPurchaseModel model, double t) => model switch
    {
        _ when t <= 0 => 0,
        BgNbdModel m => BetaGeometricForecast.ExpectedWhileAlive(m.R, m.Alpha, m.A, m.B, t),
        MbgNbdModel m => m.B / (m.A + m.B) * BetaGeometricForecast.ExpectedWhileAlive(m.R, m.Alpha, m.A, m.B + 1, t),
        NbdModel m => m.R * t / m.Alpha,
        _ => null,
    };
}
