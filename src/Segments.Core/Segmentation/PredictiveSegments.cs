using Segments.Core.Rfm;

namespace Segments.Core.Segmentation;

/// <summary>
/// The <c>predictive:</c> family: churn risk bands (<c>High churn risk</c> …) and spend tiers (<c>High value</c> …)
/// as segments. A customer without a prediction is in none of them.
/// </summary>
public static class PredictiveSegments
{
    /// <summary>Every segment of the family, in the order a run lists them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["High churn risk", "Medium churn risk", "Low churn risk", "High value", "Medium value", "Low value"];

    /// <summary>The segment of a churn risk band (<c>high</c> → <c>High churn risk</c>).</summary>
    public static string ChurnSegment(string band) => $"{Capitalised(band)} churn risk";

    /// <summary>The segment of a spend tier (<c>high</c> → <c>High value</c>).</summary>
    public static string SpendSegment(string tier) => $"{Capitalised(tier)} value";

    /// <summary>The family's segments <paramref name="prediction"/> puts the customer in.</summary>
    public static IReadOnlyList<string> Of(CustomerPrediction? prediction)
    {
        if (prediction is null)
        {
            return [];
        }

        var segments = new List<string>(2);
        if (prediction.ChurnRiskBand is { } band)
        {
            segments.Add(ChurnSegment(band));
        }

        if (prediction.SpendTier is { } tier)
        {
            segments.Add(SpendSegment(tier));
        }

        return segments;
    }

    /// <summary>Customers per segment of the family, every segment listed.</summary>
    public static IReadOnlyList<SegmentCount> Count(IEnumerable<CustomerPrediction?> predictions)
    {
        var counts = Names.ToDictionary(n => n, _ => 0, StringComparer.Ordinal);
        foreach (var prediction in predictions)
        {
            foreach (var segment in Of(prediction))
            {
                counts[segment]++;
            }
        }

        return Names.Select(n => new SegmentCount(n, counts[n])).ToList();
    }

    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
