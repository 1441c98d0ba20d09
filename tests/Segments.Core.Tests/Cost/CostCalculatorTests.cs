using Segments.Core.Cost;

namespace Segments.Core.Tests.Cost;

public class CostCalculatorTests
{
    // The list prices of config/rates.json (USD): 0.000026 per GB-s, 0.40 per million executions; blob per
    // 10,000: read 0.004, write 0.05, list and create container 0.05, other 0.004; table 0.00036 per 10,000.
    private static readonly CostRates Rates = new()
    {
        Region = "westus2",
        Currency = "USD",
        AsOf = new DateOnly(2026, 4, 30),
        Sources = [new RateSource("flex", "Flex Consumption", new DateOnly(2025, 5, 22)), new RateSource("storage", "Blob and Table", new DateOnly(2026, 4, 30))],
        ExecutionTimePerGbSecond = 0.000026m,
        ExecutionsPerMillion = 0.40m,
        Blob = new BlobOperationRates(ReadPer10k: 0.004m, WritePer10k: 0.05m, ListAndCreateContainerPer10k: 0.05m, OtherPer10k: 0.004m),
        TableOperationsPer10k = 0.00036m,
        Origin = "test",
    };

    // Stage "read": 1,500 ms; blob 3 reads, 1 list, 2 other; table 1 query.
    // Stage "write": 2,250 ms; table 44 batches; blob 1 delete (free).
    private static readonly UsageReport TwoStages = new(new Dictionary<string, StageUsage>
    {
        ["read"] = new(1500, 300_000_000, StorageRequests.None
            .Add(StorageService.Blob, RequestKind.Read, 3)
            .Add(StorageService.Blob, RequestKind.List)
            .Add(StorageService.Blob, RequestKind.Other, 2)
            .Add(StorageService.Table, RequestKind.List), 0, 1_000_000),
        ["write"] = new(2250, 400_000_000, StorageRequests.None
            .Add(StorageService.Table, RequestKind.Write, 44)
            .Add(StorageService.Blob, RequestKind.Delete), 500_000, 20_000),
    });

    [Fact]
    public void Stage_costs_are_memory_times_wall_time_plus_requests_at_their_rates()
    {
        // Act
        var cost = CostCalculator.Price(TwoStages, Rates, instanceMemoryMb: 2048);

        // Assert — read: 1.5 s × 2 GB = 3 GB-s × 0.000026 = 0.000078; the execution 1 × 0.40 / 1e6 = 0.0000004;
        // blob (3 × 0.004 + 1 × 0.05 + 2 × 0.004) / 10,000 = 0.000007; table 1 × 0.00036 / 10,000 = 0.000000036.
        Assert.Equal(new StageCost(3m, 0.000078m, 0.0000004m, 0.000007m, 0.000000036m, 0.000085436m), cost.Stages["read"]);
        // write: 2.25 s × 2 GB = 4.5 GB-s × 0.000026 = 0.000117; no execution charge; the delete is free;
        // table 44 × 0.00036 / 10,000 = 0.000001584.
        Assert.Equal(new StageCost(4.5m, 0.000117m, 0m, 0m, 0.000001584m, 0.000118584m), cost.Stages["write"]);
    }

    [Fact]
    public void Total_adds_the_billing_rounding_to_the_stage_totals()
    {
        // Act
        var cost = CostCalculator.Price(TwoStages, Rates, instanceMemoryMb: 2048);

        // Assert — 3,750 ms measured is billed as 3,800 ms: 0.05 s × 2 GB × 0.000026 = 0.0000026 of rounding.
        Assert.Equal((3750L, 3800L, 7.6m), (cost.MeasuredMs, cost.BilledMs, cost.GbSeconds));
        Assert.Equal(0.0000026m, cost.BillingRounding);
        Assert.Equal(0.000085436m + 0.000118584m + 0.0000026m, cost.Total);
        Assert.Equal(0.00020662m, cost.Total);
    }

    [Fact]
    public void Line_items_sum_the_stages_and_compute_includes_the_rounding()
    {
        // Act
        var cost = CostCalculator.Price(TwoStages, Rates, instanceMemoryMb: 2048);

        // Assert — compute 0.000078 + 0.000117 + 0.0000026; 3,800 ms × 2 GB = 7.6 GB-s × 0.000026 = 0.0001976.
        Assert.Equal(0.0001976m, cost.Compute);
        Assert.Equal(0.0000004m, cost.Executions);
        Assert.Equal(0.000007m, cost.BlobOps);
        Assert.Equal(0.00000162m, cost.TableOps);
        Assert.Equal(cost.Total, cost.Compute + cost.Executions + cost.BlobOps + cost.TableOps);
    }

    [Fact]
    public void A_short_execution_is_billed_for_one_second()
    {
        // Arrange: 230 ms on a 512 MB instance.
        var usage = new UsageReport(new Dictionary<string, StageUsage> { ["ingest"] = StageUsage.None with { WallMs = 230 } });

        // Act
        var cost = CostCalculator.Price(usage, Rates, instanceMemoryMb: 512);

        // Assert — 0.23 s × 0.5 GB = 0.115 GB-s measured; billed 1 s × 0.5 GB = 0.5 GB-s × 0.000026 = 0.000013.
        Assert.Equal(0.115m, cost.Stages["ingest"].GbSeconds);
        Assert.Equal((1000L, 0.5m, 0.000013m), (cost.BilledMs, cost.GbSeconds, cost.Compute));
        Assert.Equal(0.00001001m, cost.BillingRounding);
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(999, 1000)]
    [InlineData(1000, 1000)]
    [InlineData(1001, 1100)]
    [InlineData(3750, 3800)]
    [InlineData(3800, 3800)]
    public void Billed_time_is_at_least_a_second_then_rounded_up_to_100_ms(long measuredMs, long billedMs)
    {
        Assert.Equal(billedMs, CostCalculator.BilledMs(measuredMs));
    }

    [Fact]
    public void Queue_requests_are_counted_as_not_priced()
    {
        // Arrange
        var usage = new UsageReport(new Dictionary<string, StageUsage>
        {
            ["ingest"] = StageUsage.None with { WallMs = 1000, Requests = StorageRequests.None.Add(StorageService.Queue, RequestKind.Write, 2) },
        });

        // Act
        var cost = CostCalculator.Price(usage, Rates, instanceMemoryMb: 2048);

        // Assert — only compute (2 GB-s × 0.000026) and the execution.
        Assert.Equal(2, cost.QueueRequestsNotPriced);
        Assert.Equal(0.000052m + 0.0000004m, cost.Total);
    }

    [Fact]
    public void Queue_requests_are_priced_by_class_when_the_rates_have_queue_prices()
    {
        // Arrange — class 1 (put, delete) at 0.004, class 2 (get) at 0.002 per 10,000.
        var usage = new UsageReport(new Dictionary<string, StageUsage>
        {
            ["deliver"] = StageUsage.None with
            {
                WallMs = 1000,
                Requests = StorageRequests.None
                    .Add(StorageService.Queue, RequestKind.Write, 2)
                    .Add(StorageService.Queue, RequestKind.Delete)
                    .Add(StorageService.Queue, RequestKind.Read, 5),
            },
        });

        // Act
        var cost = CostCalculator.Price(usage, Rates with { Queue = new QueueOperationRates(0.004m, 0.002m) }, instanceMemoryMb: 2048);

        // Assert — 3 × 0.004 / 10,000 + 5 × 0.002 / 10,000 = 0.0000022.
        Assert.Equal((0.0000022m, 0L), (cost.QueueOps, cost.QueueRequestsNotPriced));
        Assert.Equal(0.000052m + 0.0000004m + 0.0000022m, cost.Total);
    }

    [Fact]
    public void Amounts_carry_no_trailing_zeros()
    {
        // Act
        var cost = CostCalculator.Price(TwoStages, Rates, instanceMemoryMb: 2048);

        // Assert — decimals keep their scale, and JSON would show 0.000 for a free delete.
        Assert.Equal("0", cost.Stages["write"].BlobOps.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.0001976", cost.Compute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("7.6", cost.GbSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cost_names_the_rates_it_used()
    {
        // Act
        var cost = CostCalculator.Price(TwoStages, Rates, instanceMemoryMb: 2048);

        // Assert
        Assert.Equal(("USD", "westus2", new DateOnly(2026, 4, 30), "test", 2048), (cost.Currency, cost.RatesRegion, cost.RatesAsOf, cost.RatesOrigin, cost.InstanceMemoryMb));
        Assert.Equal(["flex", "storage"], cost.RatesSources);
        Assert.Equal(["read", "write"], cost.Stages.Keys);
    }
}
