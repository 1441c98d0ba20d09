using Segments.Core.Btyd;

namespace Segments.Core.Segmentation;

/// <summary>The churn fields of one customer's prediction: churn probability, its band, and the expected next order date.</summary>
public static class ChurnRisk
{
    /// <summary>The band names, lowest risk first.</summary>
    public static IReadOnlyList<string> Bands { get; } = ["low", "medium", "high"];

    // A median wait beyond five years says "not expected to order again", not a date to plan with.
    private const double MaxNextOrderDays = 5 * 365.25;

    /// <summary><c>high</c> at or above the high threshold, <c>medium</c> at or above the medium one, else <c>low</c>.</summary>
    public static string Band(double churnProbability, PredictionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return churnProbability >= options.ChurnHighThreshold ? "high" : churnProbability >= options.ChurnMediumThreshold ? "medium" : "low";
    }

    /// <summary><paramref name="prediction"/> with the churn fields of <paramref name="model"/> for <paramref name="history"/> (in weeks).</summary>
    public static CustomerPrediction AddTo(CustomerPrediction prediction, IPurchaseModel model, in CustomerHistory history, DateOnly asOf, PredictionOptions options)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(options);
        if (options.FindProblem() is not null)
        {
            return prediction;
        }

        var churn = ChurnForecast.ProbabilityNoPurchase(model, history, options.ChurnHorizonDays / 7.0);
        var waitDays = ChurnForecast.MedianTimeToNextPurchaseIfAlive(model, history) * 7;
        return prediction with
        {
            ChurnProbability = churn is { } p && double.IsFinite(p) ? p : null,
            ChurnRiskBand = churn is { } q && double.IsFinite(q) ? Band(q, options) : null,
            ExpectedNextOrderDate = waitDays is { } w && double.IsFinite(w) && w <= MaxNextOrderDays ? asOf.AddDays((int)Math.Round(w)) : null,
        };
    }
}
