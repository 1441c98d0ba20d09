using System.Globalization;
using Azure.Data.Tables;
using Segments.Core.Segmentation;

namespace Segments.Storage.Generations;

/// <summary>
/// The predictive fields of a generation row beyond P(alive), expected purchases and CLV, one column each
/// (<c>ChurnProbability</c>, <c>ChurnRiskBand</c>, <c>ExpectedNextOrderDate</c>, <c>AverageDaysBetweenOrders</c>,
/// <c>HistoricClv</c>, <c>TotalClv</c>, <c>SpendTier</c>), so that an export can filter on them in the table query.
/// </summary>
internal static class PredictiveColumns
{
    /// <summary>Adds the prediction's columns to <paramref name="entity"/> (none without a prediction).</summary>
    public static TableEntity WithPredictiveFields(this TableEntity entity, CustomerPrediction? prediction)
    {
        if (prediction is null)
        {
            return entity;
        }

        entity["ChurnProbability"] = prediction.ChurnProbability;
        entity["ChurnRiskBand"] = prediction.ChurnRiskBand;
        entity["ExpectedNextOrderDate"] = prediction.ExpectedNextOrderDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        entity["AverageDaysBetweenOrders"] = prediction.AverageDaysBetweenOrders;
        entity["HistoricClv"] = prediction.HistoricClv;
        entity["TotalClv"] = prediction.TotalClv;
        entity["SpendTier"] = prediction.SpendTier;
        return entity;
    }

    /// <summary><paramref name="prediction"/> with the columns <paramref name="entity"/> holds (rows of older runs have none).</summary>
    public static CustomerPrediction WithPredictiveFields(this CustomerPrediction prediction, TableEntity entity) => prediction with
    {
        ChurnProbability = entity.GetDouble("ChurnProbability"),
        ChurnRiskBand = entity.GetString("ChurnRiskBand"),
        ExpectedNextOrderDate = entity.GetString("ExpectedNextOrderDate") is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        AverageDaysBetweenOrders = entity.GetDouble("AverageDaysBetweenOrders"),
        HistoricClv = entity.GetDouble("HistoricClv"),
        TotalClv = entity.GetDouble("TotalClv"),
        SpendTier = entity.GetString("SpendTier"),
    };
}
