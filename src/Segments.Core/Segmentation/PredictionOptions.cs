namespace Segments.Core.Segmentation;

/// <summary>How the customer-base models are run (configuration section <c>Segments:Predictions</c>).</summary>
public sealed record PredictionOptions
{
    /// <summary>Most recent days held out to choose between the purchase models; default 91 (a quarter).</summary>
    public int HoldoutDays { get; init; } = 91;

    /// <summary>Monthly discount rate of the CLV; default 0.01 (about 12.7% a year).</summary>
    public double MonthlyDiscountRate { get; init; } = 0.01;

    /// <summary>Months the CLV covers; default 12.</summary>
    public int ClvMonths { get; init; } = 12;
}
