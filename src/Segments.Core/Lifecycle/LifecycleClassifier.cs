using Segments.Core.Transactions;

namespace Segments.Core.Lifecycle;

/// <summary>Assigns each customer a lifecycle stage by the rules in <c>docs/lifecycle.md</c>.</summary>
public static class LifecycleClassifier
{
    /// <summary>
    /// Derives the thresholds from <paramref name="histories"/> under <paramref name="policy"/>
    /// (<see cref="LifecyclePolicy.Default"/> when null) and stages every customer, in input order.
    /// </summary>
    public static LifecycleAssessment Classify(IReadOnlyList<OrderHistory> histories, DateOnly asOf, LifecyclePolicy? policy = null)
    {
        var thresholds = LifecycleThresholdEstimator.Estimate(histories, policy ?? LifecyclePolicy.Default);
        var customers = histories.Select(history => Assess(history, asOf, thresholds)).ToList();
        return new LifecycleAssessment(asOf, thresholds, customers);
    }

    /// <summary>
    /// Stages one customer. The rules are tried in order; the first that holds wins:
    /// New (first order within the new window), One-time (a single order), Reactivated (the latest return
    /// after a gap longer than the lapsed threshold is within the new window), then by days since the last
    /// order: Active, At Risk, Lapsed, else Lost.
    /// </summary>
    /// <exception cref="ArgumentException">An order is dated after <paramref name="asOf"/>.</exception>
    public static CustomerLifecycle Assess(OrderHistory history, DateOnly asOf, LifecycleThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (history.LastOrderDate > asOf)
        {
            throw new ArgumentException($"Customer {history.CustomerId} has an order after the as-of date {asOf:yyyy-MM-dd}.", nameof(history));
        }

        var daysSinceFirst = asOf.DayNumber - history.FirstOrderDate.DayNumber;
        var daysSinceLast = asOf.DayNumber - history.LastOrderDate.DayNumber;
        var stage = StageOf(history.OrderDates, asOf, daysSinceFirst, daysSinceLast, thresholds);
        return new CustomerLifecycle(history.CustomerId, stage, daysSinceFirst, daysSinceLast, history.OrderDates.Count);
    }

    private static LifecycleStage StageOf(IReadOnlyList<DateOnly> dates, DateOnly asOf, int daysSinceFirst, int daysSinceLast, LifecycleThresholds thresholds)
    {
        if (daysSinceFirst <= thresholds.NewWindowDays)
        {
            return LifecycleStage.New;
        }

        if (dates.Count == 1)
        {
            return LifecycleStage.OneTime;
        }

        if (LatestReturn(dates, thresholds.LapsedMaxDays) is { } returned && asOf.DayNumber - returned.DayNumber <= thresholds.NewWindowDays)
        {
            return LifecycleStage.Reactivated;
        }

        return daysSinceLast <= thresholds.ActiveMaxDays ? LifecycleStage.Active
            : daysSinceLast <= thresholds.AtRiskMaxDays ? LifecycleStage.AtRisk
            : daysSinceLast <= thresholds.LapsedMaxDays ? LifecycleStage.Lapsed
            : LifecycleStage.Lost;
    }

    /// <summary>The latest order that followed a gap longer than <paramref name="lapsedMaxDays"/>, if any.</summary>
    private static DateOnly? LatestReturn(IReadOnlyList<DateOnly> dates, decimal lapsedMaxDays)
    {
        for (var i = dates.Count - 1; i >= 1; i--)
        {
            if (dates[i].DayNumber - dates[i - 1].DayNumber > lapsedMaxDays)
            {
                return dates[i];
            }
        }

        return null;
    }
}
