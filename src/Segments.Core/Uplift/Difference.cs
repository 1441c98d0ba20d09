namespace Segments.Core.Uplift;

/// <summary>Treatment minus control, with its 95% confidence interval and two-sided p-value.</summary>
/// <param name="Control">The control group's value (a rate or a mean per customer).</param>
/// <param name="Treatment">The treatment group's value.</param>
/// <param name="Value">Treatment − control.</param>
/// <param name="Low">Lower end of the 95% confidence interval of the difference.</param>
/// <param name="High">Upper end.</param>
/// <param name="Statistic">The test statistic: z for proportions, Welch's t for means.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite degrees of freedom; null for the z-test.</param>
/// <param name="PValue">Two-sided p-value of "no difference".</param>
/// <param name="Test">Which test: <c>two-proportion z-test</c> or <c>Welch's t-test</c>.</param>
public sealed record Difference(
    double Control, double Treatment, double Value, double Low, double High, double Statistic, double? DegreesOfFreedom, double PValue, string Test);
