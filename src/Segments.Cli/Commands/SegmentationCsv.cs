using System.Globalization;
using Segments.Core.Events;
using Segments.Core.Ingest;
using Segments.Core.Segmentation;

namespace Segments.Cli.Commands;

/// <summary>
/// Writes one row per customer with every segment: the customers the order models scored, then those known only
/// from events (their order columns empty). The behaviour columns are empty without events.
/// </summary>
internal static class SegmentationCsv
{
    public const string Header = "customer_id,recency_days,frequency,monetary,r,f,m,rfm_code,rfm_segment,first_order_date,last_order_date,lifecycle_stage,cluster,p_alive,expected_purchases_30d,expected_purchases_90d,expected_purchases_365d,expected_order_value,clv_12m,churn_probability,churn_risk_band,expected_next_order_date,average_days_between_orders,historic_clv,predicted_clv,total_clv,spend_tier,rule_segments,behaviour_segments,last_seen,abandoned_cart_value";

    /// <summary>The order columns of a customer without orders: customer_id, then 18 empty fields.</summary>
    private static readonly string NoOrderColumns = new(',', 18);

    /// <summary>The predictive columns of a customer without orders: 8 empty fields.</summary>
    private static readonly string NoPredictiveColumns = new(',', 8);

    public static async Task WriteAsync(FileInfo output, SegmentationResult result, BehaviourResult? behaviour, IReadOnlyList<EventOnlyCustomer> eventOnly, CancellationToken cancellationToken)
    {
        var memberships = behaviour?.Memberships.ToLookup(m => m.CustomerId, StringComparer.Ordinal);
        var writer = new StreamWriter(output.FullName);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync(Header.AsMemory(), cancellationToken).ConfigureAwait(false);
            foreach (var c in result.Customers)
            {
                var line = CustomerLine(c, behaviour, memberships);
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            foreach (var c in eventOnly)
            {
                var line = $"{CsvField.Escape(c.CustomerId)}{NoOrderColumns}{NoPredictiveColumns},{CsvField.Escape(string.Join("; ", c.RuleSegments))},{BehaviourColumns(c.CustomerId, behaviour, memberships)}";
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One scored customer's row (without its line break); the behaviour columns are empty without <paramref name="behaviour"/>.</summary>
    public static string CustomerLine(CustomerSegmentation c, BehaviourResult? behaviour, ILookup<string, BehaviourMembership>? memberships)
    {
        var m = c.Rfm.Metrics;
        return string.Create(CultureInfo.InvariantCulture,
            $"{CsvField.Escape(c.CustomerId)},{m.RecencyDays},{m.Frequency},{m.Monetary:0.00},{c.Rfm.R},{c.Rfm.F},{c.Rfm.M},{c.Rfm.Code},{CsvField.Escape(c.Rfm.Segment)},{c.FirstOrderDate:yyyy-MM-dd},{c.LastOrderDate:yyyy-MM-dd},{CsvField.Escape(c.LifecycleStage)},{c.Cluster},{c.Prediction?.PAlive:0.####},{c.Prediction?.ExpectedPurchases30:0.####},{c.Prediction?.ExpectedPurchases90:0.####},{c.Prediction?.ExpectedPurchases365:0.####},{c.Prediction?.ExpectedAverageOrderValue:0.00},{c.Prediction?.Clv12Months:0.00},{c.Prediction?.ChurnProbability:0.####},{c.Prediction?.ChurnRiskBand},{c.Prediction?.ExpectedNextOrderDate:yyyy-MM-dd},{c.Prediction?.AverageDaysBetweenOrders:0.##},{c.Prediction?.HistoricClv:0.00},{c.Prediction?.Clv12Months:0.00},{c.Prediction?.TotalClv:0.00},{c.Prediction?.SpendTier},{CsvField.Escape(string.Join("; ", c.RuleSegments))},{BehaviourColumns(c.CustomerId, behaviour, memberships)}");
    }

    /// <summary>behaviour_segments (names joined by ';'), last_seen (UTC, ISO 8601), abandoned_cart_value (cart abandoners only).</summary>
    private static string BehaviourColumns(string customerId, BehaviourResult? behaviour, ILookup<string, BehaviourMembership>? memberships)
    {
        if (behaviour is null || memberships is null)
        {
            return ",,";
        }

        var own = memberships[customerId].ToList();
        var names = string.Join(';', own.Select(m => BehaviourSegmentNames.Name(m.Segment)));
        var lastSeen = behaviour.Facts.TryGetValue(customerId, out var facts)
            ? facts.LastSeen.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : string.Empty;
        var cart = own.FirstOrDefault(m => m.Cart is not null)?.Cart is { } abandoned
            ? abandoned.Value.ToString("0.00", CultureInfo.InvariantCulture)
            : string.Empty;
        return $"{CsvField.Escape(names)},{lastSeen},{cart}";
    }
}
