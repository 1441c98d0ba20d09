using Segments.Core.Btyd;
using Segments.Core.Transactions;

namespace Segments.Core.Scale;

/// <summary>Pass 1 of bucketed scoring: one bucket's lines → its <see cref="PopulationSummary"/>.</summary>
public static class BucketSummariser
{
    /// <summary>
    /// Summarises bucket <paramref name="bucket"/> from the lines of its customers (every line of each, and no
    /// other customer's), as of <paramref name="asOf"/> with the purchase models' holdout of <paramref name="holdoutDays"/>.
    /// </summary>
    public static PopulationSummary Summarise(
        int bucket,
        IEnumerable<TransactionLine> lines,
        DateOnly asOf,
        int holdoutDays,
        int clusterSampleSize = PopulationSummary.DefaultClusterSampleSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        var facts = new BucketFacts(lines, asOf, keepProducts: false);
        var summary = new PopulationSummary(asOf, holdoutDays, clusterSampleSize) { LinesAdded = facts.LinesAdded };
        summary.Buckets.Add(bucket);

        foreach (var metrics in facts.Metrics())
        {
            summary.Recency.Add(metrics.RecencyDays);
            summary.Frequency.Add(metrics.Frequency);
            summary.Monetary.Add(metrics.Monetary);
            summary.Sample.Add(new SampledCustomer(StableHash.Of(metrics.CustomerId), metrics.CustomerId, metrics.RecencyDays, metrics.Frequency, metrics.Monetary));
        }

        foreach (var history in facts.Histories())
        {
            var dates = history.OrderDates;
            if (dates.Count < 2)
            {
                continue;
            }

            summary.RepeatCustomers++;
            for (var i = 1; i < dates.Count; i++)
            {
                summary.Gaps.Add(dates[i].DayNumber - dates[i - 1].DayNumber);
            }
        }

        if (facts.Purchases.LatestPurchase is { } latest)
        {
            // Both built exactly as PredictionEngine builds them; a customer's summaries depend on their own days only.
            var calibration = facts.Purchases.Build(asOf.AddDays(-holdoutDays), TimeUnit.Week).Customers.ToDictionary(c => c.CustomerId, StringComparer.Ordinal);
            foreach (var customer in facts.Purchases.Build(asOf, TimeUnit.Week).Customers)
            {
                summary.Purchases.Add(customer, calibration.GetValueOrDefault(customer.CustomerId));
            }

            var calibrationEnd = asOf.AddDays(-holdoutDays).DayNumber;
            foreach (var days in facts.Purchases.PurchaseDays())
            {
                summary.Purchases.AddPurchaseDays(days, calibrationEnd);
            }

            summary.Purchases.LatestPurchaseDay = latest.DayNumber;
        }

        return summary;
    }
}
