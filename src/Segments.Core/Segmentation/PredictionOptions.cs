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

    /// <summary>Days ahead the churn probability looks: P(no purchase in the next this many days); default 90.</summary>
    public int ChurnHorizonDays { get; init; } = 90;

    /// <summary>A churn probability at or above this (and below <see cref="ChurnHighThreshold"/>) is the <c>medium</c> churn risk band; default 0.5.</summary>
    public double ChurnMediumThreshold { get; init; } = 0.5;

    /// <summary>A churn probability at or above this is the <c>high</c> churn risk band; default 0.8.</summary>
    public double ChurnHighThreshold { get; init; } = 0.8;

    /// <summary>The longest churn horizon accepted: ten years (a horizon beyond it says nothing a marketer can act on).</summary>
    public const int MaxChurnHorizonDays = 3650;

    /// <summary>What is wrong with these settings, in words naming the setting, or null when they can be used.</summary>
    public string? FindProblem()
    {
        if (ChurnHorizonDays <= 0 || ChurnHorizonDays > MaxChurnHorizonDays)
        {
            return $"Segments:Predictions:ChurnHorizonDays is {ChurnHorizonDays}: the churn horizon must be 1 to {MaxChurnHorizonDays} days";
        }

        if (!(ChurnMediumThreshold > 0 && ChurnMediumThreshold < ChurnHighThreshold && ChurnHighThreshold < 1))
        {
            return System.FormattableString.Invariant(
                $"Segments:Predictions:ChurnMediumThreshold {ChurnMediumThreshold} and ChurnHighThreshold {ChurnHighThreshold}: need 0 < medium < high < 1");
        }

        return HoldoutDays <= 0 ? $"Segments:Predictions:HoldoutDays is {HoldoutDays}: it must be positive" : null;
    }
}
