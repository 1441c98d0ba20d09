using System.Globalization;
using Segments.Core.Segmentation;

namespace Segments.Core.Explanations;

/// <summary>What a segment of the <c>predictive:</c> family holds, in words, with the run's settings.</summary>
public static class PredictiveSegmentDefinition
{
    /// <summary>E.g. <c>Churn probability (no purchase in the next 90 days) at least 0.8.</c></summary>
    public static string Of(string segment, PredictionSummary? models)
    {
        var churn = models?.Churn;
        var horizon = churn is null ? "the churn horizon" : string.Create(CultureInfo.InvariantCulture, $"the next {churn.HorizonDays} days");
        return segment switch
        {
            "High churn risk" => string.Create(CultureInfo.InvariantCulture, $"Churn probability (no purchase in {horizon}) at least {churn?.HighThreshold}."),
            "Medium churn risk" => string.Create(CultureInfo.InvariantCulture, $"Churn probability (no purchase in {horizon}) from {churn?.MediumThreshold} to below {churn?.HighThreshold}."),
            "Low churn risk" => string.Create(CultureInfo.InvariantCulture, $"Churn probability (no purchase in {horizon}) below {churn?.MediumThreshold}."),
            "High value" => "Top 20% of customers by total CLV (historic revenue + predicted 12-month CLV).",
            "Medium value" => "The next 30% of customers by total CLV (top 20–50%).",
            "Low value" => "The bottom 50% of customers by total CLV.",
            _ => "A segment of the customer-base models.",
        };
    }
}
