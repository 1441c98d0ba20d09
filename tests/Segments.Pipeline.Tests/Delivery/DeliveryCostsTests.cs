using Segments.Core.Cost;
using Segments.Pipeline.Cost;
using Segments.Pipeline.Delivery;
using Segments.Storage.Deliveries;

namespace Segments.Pipeline.Tests.Delivery;

public sealed class DeliveryCostsTests
{
    // One sender execution that sent its batch: 250 ms; blob 2 reads (the rates blob, the payload); table 3 point
    // reads (delivery, run, pause) and 1 replace; plus the trigger's receive and delete of the message.
    private static readonly UsageReport OneSend = new(new Dictionary<string, StageUsage>
    {
        [DeliveryCosts.Stage] = StageUsage.None with
        {
            WallMs = 250,
            Requests = StorageRequests.None
                .Add(StorageService.Blob, RequestKind.Read, 2)
                .Add(StorageService.Table, RequestKind.Read, 3)
                .Add(StorageService.Table, RequestKind.Write)
                .Plus(DeliveryCosts.TriggerRequests),
        },
    });

    private static DeliveryRecord Pending(string destination, string runId, int batch) => new()
    {
        Key = new DeliveryKey(destination, runId, batch),
        Status = DeliveryStatus.Pending,
        Events = 10,
        PayloadBlob = $"{runId}/{destination}/{batch}.json",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void The_bundled_rates_price_queue_operations_by_class()
    {
        var queue = CostAccounting.Bundled.Queue;

        Assert.NotNull(queue);
        Assert.Equal((0.004m, 0.004m), (queue.Per10k(RequestKind.Write), queue.Per10k(RequestKind.Read)));
        Assert.Contains(CostAccounting.Bundled.Sources, s => s.Id == "queue-storage-pricing-2026-12-07");
    }

    [Fact]
    public void A_sender_execution_is_priced_with_its_queue_requests_and_the_billing_minimum()
    {
        var cost = CostCalculator.Price(OneSend, CostAccounting.Bundled, instanceMemoryMb: 2048);

        // Compute: 1,000 ms billed (minimum) × 2 GB × 0.000026 = 0.000052, of which 750 ms rounding = 0.000039.
        Assert.Equal((0.000052m, 0.000039m), (cost.Compute, cost.BillingRounding));
        Assert.Equal(0.0000004m, cost.Executions);
        Assert.Equal(0.0000008m, cost.BlobOps);      // 2 reads × 0.004 / 10,000
        Assert.Equal(0.000000144m, cost.TableOps);   // 4 × 0.00036 / 10,000
        Assert.Equal(0.0000008m, cost.QueueOps);     // receive (class 2) + delete (class 1), 0.004 / 10,000 each
        Assert.Equal(0, cost.QueueRequestsNotPriced);
        Assert.Equal(0.000054144m, cost.Total);
        Assert.Equal(cost.Total, cost.Stages[DeliveryCosts.Stage].Total + cost.BillingRounding);
    }

    [Fact]
    public void Rates_without_queue_prices_leave_queue_requests_unpriced_and_counted()
    {
        var cost = CostCalculator.Price(OneSend, CostAccounting.Bundled with { Queue = null }, instanceMemoryMb: 2048);

        Assert.Equal((0m, 2L), (cost.QueueOps, cost.QueueRequestsNotPriced));
        Assert.Equal(0.000053344m, cost.Total);
    }

    [Fact]
    public void A_runs_delivery_cost_is_the_sum_of_its_rows_over_every_execution()
    {
        var cost = CostCalculator.Price(OneSend, CostAccounting.Bundled, instanceMemoryMb: 2048);
        var retried = DeliveryCosts.Add(DeliveryCosts.Add(Pending("crm", "r1", 0), cost), cost) with { Status = DeliveryStatus.Sent };
        var once = DeliveryCosts.Add(Pending("crm", "r1", 1), cost);
        var untried = Pending("ads", "r1", 0);

        var sum = DeliveryCosts.Sum([retried, once, untried]);

        Assert.Equal((0.000108288m, 2), (retried.CostUsd, retried.SenderExecutions));
        Assert.Equal(new DeliveriesCost(0.000162432m, 3, 1, 3), sum);
    }
}
