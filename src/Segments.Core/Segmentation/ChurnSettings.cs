namespace Segments.Core.Segmentation;

/// <summary>The churn settings a run used, kept with it so that its bands can be explained later.</summary>
/// <param name="HorizonDays">P(no purchase in the next this many days) is the churn probability.</param>
/// <param name="MediumThreshold">Churn probability from which the band is <c>medium</c>.</param>
/// <param name="HighThreshold">Churn probability from which the band is <c>high</c>.</param>
public sealed record ChurnSettings(int HorizonDays, double MediumThreshold, double HighThreshold)
{
    /// <summary>Why the settings could not be used (no churn fields then), or null.</summary>
    public string? Problem { get; init; }
}
