namespace Segments.Core.Btyd;

/// <summary>
/// The BG/NBD log-likelihood of Fader, Hardie &amp; Lee (2005), "'Counting Your Customers' the Easy Way: An
/// Alternative to the Pareto/NBD Model", Marketing Science 24(2), eq. (6), with its analytic gradient: a customer
/// can leave only after a repeat purchase. Parameters are (r, α, a, b).
/// </summary>
public sealed class BgNbdLikelihood : IPurchaseLikelihood
{
    /// <inheritdoc />
    public string Name => "bgnbd";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => BetaGeometricLikelihood.ParameterNames;

    /// <inheritdoc />
    public double LogLikelihood(ReadOnlySpan<double> parameters, GroupedHistories data, Span<double> gradient) =>
        BetaGeometricLikelihood.Evaluate(parameters, data, gradient, dropoutAtFirstPurchase: false);

    /// <inheritdoc />
    public IReadOnlyList<double[]> StartingPoints(GroupedHistories data) => StartingPointGuide.BetaGeometric(data);

    /// <inheritdoc />
    public IPurchaseModel CreateModel(ReadOnlySpan<double> parameters) => new BgNbdModel(parameters[0], parameters[1], parameters[2], parameters[3]);
}
