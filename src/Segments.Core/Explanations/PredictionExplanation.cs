using Segments.Core.Segmentation;

namespace Segments.Core.Explanations;

/// <summary>The customer-base models' view of one customer in words.</summary>
public static class PredictionExplanation
{
    /// <summary>E.g. <c>P(alive) 0.97: the BG/NBD model puts a 97% chance on this customer still buying; expected purchases 1.2 in the next 30 days …</c>.</summary>
    public static string Explain(CustomerPrediction prediction, string? model)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var name = model switch
        {
            "bgnbd" => "BG/NBD",
            "mbgnbd" => "MBG/NBD",
            "paretonbd" => "Pareto/NBD",
            null => "purchase",
            _ => model,
        };
        var text = $"P(alive) {ExplanationNumbers.Number(Math.Round(prediction.PAlive, 2))}: the {name} model puts a {ExplanationNumbers.Percent(prediction.PAlive)} chance on this customer still buying; "
            + $"expected purchases {ExplanationNumbers.Number(prediction.ExpectedPurchases30)} in the next 30 days, {ExplanationNumbers.Number(prediction.ExpectedPurchases90)} in 90, {ExplanationNumbers.Number(prediction.ExpectedPurchases365)} in 365";
        if (prediction.ExpectedAverageOrderValue is { } aov)
        {
            text += $"; expected order value {ExplanationNumbers.Money((decimal)aov)}";
        }

        if (prediction.Clv12Months is { } clv)
        {
            text += $"; 12-month CLV {ExplanationNumbers.Money((decimal)clv)}";
        }

        return text;
    }
}
