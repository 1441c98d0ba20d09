namespace Segments.Core.Btyd;

/// <summary>
/// The MBG/NBD log-likelihood of Batislam, Denizel &amp; Filiztekin (2007), "Empirical validation and comparison of
/// models for customer base analysis", International Journal of Research in Marketing 24(3): the BG/NBD of Fader,
/// Hardie &amp; Lee (2005) with one more dropout opportunity, right after the first purchase, so
/// L = B(a, b + x + 1)/B(a, b) · Γ(r + x)α^r / (Γ(r)(α + T)^(r+x)) + B(a + 1, b + x)/B(a, b) · Γ(r + x)α^r / (Γ(r)(α + t_x)^(r+x))
/// for every x, including x = 0. Parameters are (r, α, a, b).
/// </summary>
public sealed class MbgNbdLikelihood : IPurchaseLikelihood
{
    /// <inheritdoc />
    public string Name => "mbgnbd";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => BetaGeometricLikelihood.ParameterNames;

    /// <inheritdoc />
    public double LogLikelihood(ReadOnlySpan<double> parameters, GroupedHistories data, Span<double> gradient) =>
        BetaGeometricLikelihood.Evaluate(parameters, data, gradient, dropoutAtFirstPurchase: true);

    /// <inheritdoc />
    public IReadOnlyList<double[]> StartingPoints(GroupedHistories data) => StartingPointGuide.BetaGeometric(data);

    /// <inheritdoc />
    public IPurchaseModel CreateModel(ReadOnlySpan<double> parameters) => new MbgNbdModel(parameters[0], parameters[1], parameters[2], parameters[3]);
}
