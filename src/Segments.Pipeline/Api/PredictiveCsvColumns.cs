using System.Globalization;
using Segments.Core.Segmentation;

namespace Segments.Pipeline.Api;

/// <summary>The predictive fields of a segment export (churn, next order, CLV, spend tier); empty cells without a prediction.</summary>
public static class PredictiveCsvColumns
{
    /// <summary>The header cells, in <see cref="Cells"/> order.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["churnProbability", "churnRiskBand", "expectedNextOrderDate", "averageDaysBetweenOrders", "historicClv", "totalClv", "spendTier"];

    /// <summary>The cells of one customer's prediction.</summary>
    public static IReadOnlyList<string?> Cells(CustomerPrediction? prediction) =>
    [
        Number(prediction?.ChurnProbability),
        prediction?.ChurnRiskBand,
        prediction?.ExpectedNextOrderDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Number(prediction?.AverageDaysBetweenOrders),
        Number(prediction?.HistoricClv),
        Number(prediction?.TotalClv),
        prediction?.SpendTier,
    ];

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
