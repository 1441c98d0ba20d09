using Segments.Core.Rfm;
using Segments.Core.Transactions;

namespace Segments.Core.Lifecycle;

/// <summary>Derives lifecycle thresholds from the store's own inter-purchase gaps.</summary>
public static class LifecycleThresholdEstimator
{
    /// <summary>
    /// Pools every gap, in days, between consecutive order dates of every repeat customer and takes the
    /// policy's percentiles (numpy's linear definition, as for RFM). Each return is one observation, so the
    /// thresholds read as "x% of the times a customer came back, they came back within n days".
    /// With fewer repeat customers than the policy's minimum the fallback is returned, with the counts.
    /// </summary>
    public static LifecycleThresholds Estimate(IReadOnlyList<OrderHistory> histories, LifecyclePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.ActivePercentile > policy.AtRiskPercentile || policy.AtRiskPercentile > policy.LapsedPercentile)
        {
            throw new ArgumentException("Lifecycle percentiles must ascend: active ≤ at risk ≤ lapsed.", nameof(policy));
        }

        var repeatCustomers = 0;
        var gaps = new List<int>();
        foreach (var history in histories)
        {
            var dates = history.OrderDates;
            if (dates.Count < 2)
            {
                continue;
            }

            repeatCustomers++;
            for (var i = 1; i < dates.Count; i++)
            {
                gaps.Add(dates[i].DayNumber - dates[i - 1].DayNumber);
            }
        }

        if (repeatCustomers < Math.Max(1, policy.MinimumRepeatCustomers))
        {
            return policy.Fallback with
            {
                Source = LifecycleThresholdSource.Fallback,
                RepeatCustomers = repeatCustomers,
                GapCount = gaps.Count,
            };
        }

        // Sorting ints is cheaper than sorting decimals; the conversion is exact.
        var sortedInts = gaps.ToArray();
        Array.Sort(sortedInts);
        var sorted = Array.ConvertAll(sortedInts, gap => (decimal)gap);
        return new LifecycleThresholds(
            Percentile.Linear(sorted, policy.NewWindowPercentile),
            Percentile.Linear(sorted, policy.ActivePercentile),
            Percentile.Linear(sorted, policy.AtRiskPercentile),
            Percentile.Linear(sorted, policy.LapsedPercentile),
            LifecycleThresholdSource.Derived,
            repeatCustomers,
            gaps.Count);
    }
}
