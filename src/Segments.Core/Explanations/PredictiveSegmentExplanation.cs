using System.Globalization;
using Segments.Core.Segmentation;

namespace Segments.Core.Explanations;

/// <summary>Why a customer is in a segment of the <c>predictive:</c> family, with the numbers and the run's settings.</summary>
public static class PredictiveSegmentExplanation
{
    /// <summary>The reasons for <paramref name="segment"/>; empty when the prediction does not put the customer there.</summary>
    public static IReadOnlyList<string> Explain(string segment, CustomerPrediction? prediction, PredictionSummary? models)
    {
        if (prediction is null)
        {
            return [];
        }

        if (prediction.ChurnProbability is { } churn && prediction.ChurnRiskBand is { } band && PredictiveSegments.ChurnSegment(band) == segment)
        {
            return [ChurnReason(churn, band, models?.Churn, models?.ChosenModel)];
        }

        if (prediction.SpendTier is { } tier && PredictiveSegments.SpendSegment(tier) == segment)
        {
            return [SpendReason(prediction, tier)];
        }

        return [];
    }

    private static string ChurnReason(double churn, string band, ChurnSettings? settings, string? model)
    {
        var horizon = settings is null ? "the churn horizon" : string.Create(CultureInfo.InvariantCulture, $"the next {settings.HorizonDays} days");
        var rule = (band, settings) switch
        {
            (_, null) => $"band {band}",
            ("high", { } s) => string.Create(CultureInfo.InvariantCulture, $"at or above the high threshold {s.HighThreshold} (Segments:Predictions:ChurnHighThreshold)"),
            ("medium", { } s) => string.Create(CultureInfo.InvariantCulture, $"at or above the medium threshold {s.MediumThreshold} and below the high threshold {s.HighThreshold}"),
            (_, { } s) => string.Create(CultureInfo.InvariantCulture, $"below the medium threshold {s.MediumThreshold} (Segments:Predictions:ChurnMediumThreshold)"),
        };
        return $"churn probability {ExplanationNumbers.Probability(churn)}: the {PredictionExplanation.ModelName(model)} model gives a {ExplanationNumbers.Percent(churn)} chance of no purchase in {horizon}, {rule}";
    }

    private static string SpendReason(CustomerPrediction prediction, string tier)
    {
        var total = prediction.TotalClv is { } t
            ? $"total CLV {ExplanationNumbers.Money((decimal)t)} (historic {ExplanationNumbers.Money((decimal)(prediction.HistoricClv ?? 0))} + predicted 12 months {ExplanationNumbers.Money((decimal)(prediction.Clv12Months ?? 0))})"
            : $"historic CLV {ExplanationNumbers.Money((decimal)(prediction.HistoricClv ?? 0))} (no predicted CLV)";
        var share = tier switch
        {
            "high" => "in the top 20% of the run's customers by total CLV",
            "medium" => "in the next 30% of the run's customers by total CLV (top 20–50%)",
            _ => "in the bottom 50% of the run's customers by total CLV",
        };
        return $"{total}, {share}";
    }
}
