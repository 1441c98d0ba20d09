using Segments.Core.Rfm;
using Segments.Core.Transactions;

namespace Segments.Core.Segmentation;

/// <summary>
/// The value fields of a prediction that need the whole order history and the whole customer base: average days
/// between orders, historic CLV (net revenue so far), total CLV, and the spend tier (a rank among all customers).
/// </summary>
public static class CustomerValueFields
{
    /// <summary>Share of customers, by total CLV from the top, in the <c>high</c> tier.</summary>
    public const double HighTierShare = 0.2;

    /// <summary>Share of customers, by total CLV from the top, in the <c>high</c> and <c>medium</c> tiers together.</summary>
    public const double MediumTierCumulativeShare = 0.5;

    /// <summary><paramref name="prediction"/> with the per-customer value fields (not the tier).</summary>
    public static CustomerPrediction AddTo(CustomerPrediction prediction, CustomerMetrics metrics, OrderHistory history)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(history);
        var days = history.OrderDates;
        var historic = (double)metrics.Monetary;
        return prediction with
        {
            AverageDaysBetweenOrders = days.Count < 2 ? null : (double)(days[^1].DayNumber - days[0].DayNumber) / (days.Count - 1),
            HistoricClv = historic,
            TotalClv = prediction.Clv12Months is { } predicted ? historic + predicted : null,
        };
    }

    /// <summary>
    /// The spend tier of each customer with a prediction, by rank of total CLV (historic CLV where there is no
    /// predicted CLV); ties broken by customer id so the tiers do not depend on input order.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Tiers(IEnumerable<(string CustomerId, CustomerPrediction Prediction)> customers)
    {
        var ranked = customers
            .OrderByDescending(c => c.Prediction.TotalClv ?? c.Prediction.HistoricClv ?? 0)
            .ThenBy(c => c.CustomerId, StringComparer.Ordinal)
            .ToList();
        var tiers = new Dictionary<string, string>(ranked.Count, StringComparer.Ordinal);
        for (var i = 0; i < ranked.Count; i++)
        {
            var share = (i + 1) / (double)ranked.Count;
            tiers[ranked[i].CustomerId] = share <= HighTierShare ? "high" : share <= MediumTierCumulativeShare ? "medium" : "low";
        }

        return tiers;
    }
}
