using Segments.Core.Cost;
using Segments.Storage.Deliveries;

namespace Segments.Pipeline.Delivery;

/// <summary>
/// How a delivery's cost is measured and added up: each sender execution is metered (<see cref="Stage"/>), priced with
/// the rates file, and added to the delivery's ledger row; a run's and a destination's delivery costs are sums of rows.
/// </summary>
public static class DeliveryCosts
{
    /// <summary>The one stage of a sender execution.</summary>
    public const string Stage = "deliver";

    /// <summary>
    /// The queue requests the trigger makes for one message outside the handler, so outside the meter: it receives the
    /// message (class 2; the runtime fetches up to 16 at once, so one per message is the most it can be) and deletes it
    /// once the handler returns (class 1).
    /// </summary>
    public static StorageRequests TriggerRequests { get; } = StorageRequests.None
        .Add(StorageService.Queue, RequestKind.Read)
        .Add(StorageService.Queue, RequestKind.Delete);

    /// <summary><paramref name="delivery"/> with one more sender execution that cost <paramref name="cost"/>.</summary>
    public static DeliveryRecord Add(DeliveryRecord delivery, CostBreakdown cost)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(cost);
        return delivery with { CostUsd = delivery.CostUsd + cost.Total, SenderExecutions = delivery.SenderExecutions + 1 };
    }

    /// <summary>What <paramref name="deliveries"/> have cost so far, with how many there are and how often the sender ran for them.</summary>
    public static DeliveriesCost Sum(IEnumerable<DeliveryRecord> deliveries)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var rows = deliveries.ToList();
        return new DeliveriesCost(
            rows.Sum(d => d.CostUsd) / 1.0000000000000000000000000000m,
            rows.Count,
            rows.Count(d => d.Status == DeliveryStatus.Sent),
            rows.Sum(d => d.SenderExecutions));
    }
}
