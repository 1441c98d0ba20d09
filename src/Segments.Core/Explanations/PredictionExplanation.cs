using Segments.Core.Segmentation;

namespace Segments.Core.Explanations;

/// <summary>The customer-base models' view of one customer in words.</summary>
public static class PredictionExplanation
{
    /// <summary>E.g. <c>P(alive) 0.9731: the BG/NBD model gives a 97.31% chance that this customer is still an active buyer; expected purchases 1.23 in the next 30 days …</c>.</summary>
    public static string Explain(CustomerPrediction prediction, string? model)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var name = ModelName(model);
        var text = $"P(alive) {ExplanationNumbers.Probability(prediction.PAlive)}: the {name} model gives a {ExplanationNumbers.Percent(prediction.PAlive)} chance that this customer is still an active buyer; "
            + $"expected purchases {ExplanationNumbers.Number(prediction.ExpectedPurchases30)} in the next 30 days, {ExplanationNumbers.Number(prediction.ExpectedPurchases90)} in 90, {ExplanationNumbers.Number(prediction.ExpectedPurchases365)} in 365";
        if (prediction.ExpectedAverageOrderValue is { } aov)
        {
            text += $"; expected order value {ExplanationNumbers.Money((decimal)aov)}";
        }

        if (prediction.Clv12Months is { } clv)
        {
            text += $"; 12-month CLV {ExplanationNumbers.Money((decimal)clv)}";
        }

        if (prediction.ChurnProbability is { } churn)
        {
            text += $"; churn probability {ExplanationNumbers.Probability(churn)} ({prediction.ChurnRiskBand} risk)";
        }

        if (prediction.ExpectedNextOrderDate is { } next)
        {
            text += string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; if still active, the next order is as likely before as after {next:yyyy-MM-dd}");
        }

        return text;
    }

    /// <summary>The model's name as people write it (<c>bgnbd</c> → <c>BG/NBD</c>).</summary>
    public static string ModelName(string? model) => model switch
    {
        "bgnbd" => "BG/NBD",
        "mbgnbd" => "MBG/NBD",
        "paretonbd" => "Pareto/NBD",
        "nbd" => "NBD",
        null => "purchase",
        _ => model,
    };
}
