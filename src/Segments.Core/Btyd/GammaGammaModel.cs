using System.Globalization;

namespace Segments.Core.Btyd;

/// <summary>
/// A fitted Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV"; Fader &amp; Hardie 2013 note).
/// </summary>
/// <param name="P">Shape p of each transaction value given the customer's scale ν.</param>
/// <param name="Q">Shape q of ν across customers.</param>
/// <param name="Gamma">Rate γ of ν across customers.</param>
public sealed record GammaGammaModel(double P, double Q, double Gamma) : IFittedModel
{
    /// <inheritdoc />
    public string Name => "gammagamma";

    /// <inheritdoc />
    public IReadOnlyList<ModelParameter> Parameters => [new("p", P), new("q", Q), new("gamma", Gamma)];

    /// <summary>
    /// Mean transaction value across customers, E[Z] = pγ/(q − 1); +∞ when q ≤ 1 (the mean does not exist).
    /// </summary>
    public double PopulationAverageSpend => Q > 1 ? P * Gamma / (Q - 1) : double.PositiveInfinity;

    /// <summary>
    /// E[Z | x, z̄] = (pγ + p x z̄) / (p x + q − 1): a weighted mean of the population mean pγ/(q − 1) and the
    /// customer's own z̄, with weight p x / (p x + q − 1) on z̄ (Fader &amp; Hardie 2013 note). For x = 0 it is the
    /// population mean. +∞ when p x + q ≤ 1, where the posterior mean does not exist.
    /// </summary>
    public double ExpectedAverageSpend(int repeatPurchases, double averageRepeatSpend)
    {
        var px = P * repeatPurchases;
        var denominator = px + Q - 1;
        return denominator > 0 ? ((P * Gamma) + (px * averageRepeatSpend)) / denominator : double.PositiveInfinity;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Gamma-Gamma p={P:G6} q={Q:G6} gamma={Gamma:G6}");
}
