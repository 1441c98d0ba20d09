namespace Segments.Core.Cost;

/// <summary>
/// Prices what an execution used at the rates of <c>config/rates.json</c>, the way Azure bills a Flex
/// Consumption app and its storage account: instance memory × execution time, a charge per execution, and
/// storage requests by service and kind. Capacity (GB-months stored) and the monthly free grants are not
/// per execution and are left out.
/// </summary>
public static class CostCalculator
{
    // Flex Consumption: "The minimum billable execution period ... is 1,000 ms. Past that, the billable activity
    // period is rounded up to the nearest 100 ms." (Azure Functions docs, Flex Consumption plan, Billing.)
    private const long MinimumBilledMs = 1000;
    private const long BillingStepMs = 100;

    // Flex Consumption instance sizes are 512, 2048 and 4096 MB: 0.5, 2 and 4 GB.
    private const decimal MbPerGb = 1024m;

    // Amounts are exact for every Flex Consumption memory size; other sizes divide into long decimals.
    private const int UsdDecimals = 12;
    private const int GbSecondDecimals = 6;

    /// <summary>
    /// The cost of <paramref name="usage"/>, one execution of an app with <paramref name="instanceMemoryMb"/>
    /// of instance memory. The execution charge goes to the first stage; the billing minimum and rounding to
    /// <see cref="CostBreakdown.BillingRounding"/>.
    /// </summary>
    public static CostBreakdown Price(UsageReport usage, CostRates rates, int instanceMemoryMb)
    {
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(instanceMemoryMb);

        var memoryGb = instanceMemoryMb / MbPerGb;
        var stages = new Dictionary<string, StageCost>(StringComparer.Ordinal);
        var first = true;
        foreach (var (name, stage) in usage.Stages)
        {
            stages[name] = PriceStage(stage, rates, memoryGb, executions: first ? 1 : 0);
            first = false;
        }

        var measuredMs = usage.WallMs;
        var billedMs = BilledMs(measuredMs);
        var rounding = Usd(GbSeconds(billedMs - measuredMs, memoryGb) * rates.ExecutionTimePerGbSecond);
        return new CostBreakdown
        {
            Total = Trim(stages.Values.Sum(s => s.Total) + rounding),
            Compute = Trim(stages.Values.Sum(s => s.Compute) + rounding),
            BillingRounding = rounding,
            Executions = Trim(stages.Values.Sum(s => s.Executions)),
            BlobOps = Trim(stages.Values.Sum(s => s.BlobOps)),
            TableOps = Trim(stages.Values.Sum(s => s.TableOps)),
            QueueOps = Trim(stages.Values.Sum(s => s.QueueOps)),
            QueueRequestsNotPriced = rates.Queue is null ? usage.Requests.Queue.Total : 0,
            Stages = stages,
            InstanceMemoryMb = instanceMemoryMb,
            MeasuredMs = measuredMs,
            BilledMs = billedMs,
            GbSeconds = GbSeconds(billedMs, memoryGb),
            Currency = rates.Currency,
            RatesRegion = rates.Region,
            RatesAsOf = rates.AsOf,
            RatesOrigin = rates.Origin,
            RatesSources = rates.Sources.Select(s => s.Id).ToList(),
        };
    }

    /// <summary>Execution time as Flex Consumption bills it: at least 1,000 ms, then rounded up to 100 ms.</summary>
    public static long BilledMs(long measuredMs) =>
        Math.Max(MinimumBilledMs, (measuredMs + BillingStepMs - 1) / BillingStepMs * BillingStepMs);

    private static StageCost PriceStage(StageUsage stage, CostRates rates, decimal memoryGb, int executions)
    {
        var gbSeconds = GbSeconds(stage.WallMs, memoryGb);
        var compute = Usd(gbSeconds * rates.ExecutionTimePerGbSecond);
        var executionCharge = Usd(executions * rates.ExecutionsPerMillion / 1_000_000m);
        var blob = Usd(Enum.GetValues<RequestKind>().Sum(kind => stage.Requests.Blob[kind] * rates.Blob.Per10k(kind)) / 10_000m);
        var table = Usd(stage.Requests.Table.Total * rates.TableOperationsPer10k / 10_000m);
        var queue = rates.Queue is { } queueRates
            ? Usd(Enum.GetValues<RequestKind>().Sum(kind => stage.Requests.Queue[kind] * queueRates.Per10k(kind)) / 10_000m)
            : 0m;
        return new StageCost(gbSeconds, compute, executionCharge, blob, table, Trim(compute + executionCharge + blob + table + queue)) { QueueOps = queue };
    }

    private static decimal GbSeconds(long ms, decimal memoryGb) => Trim(Math.Round(ms / 1000m * memoryGb, GbSecondDecimals));

    private static decimal Usd(decimal amount) => Trim(Math.Round(amount, UsdDecimals));

    // Drops trailing zeros (0.000270400 → 0.0002704, 0.00 → 0) so that amounts read as plain numbers in JSON.
    private static decimal Trim(decimal value) => value / 1.0000000000000000000000000000m;
}
