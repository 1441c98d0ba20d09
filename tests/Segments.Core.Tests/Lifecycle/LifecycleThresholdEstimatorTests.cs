using Segments.Core.Lifecycle;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Lifecycle;

public class LifecycleThresholdEstimatorTests
{
    private static readonly DateOnly Day0 = new(2011, 1, 1);

    [Fact]
    public void Thresholds_are_percentiles_of_the_pooled_gaps_of_repeat_customers()
    {
        // Arrange: A orders on days 0, 10, 30 (gaps 10, 20); B on 0, 40 (gap 40); C on 0, 5, 65 (gaps 5, 60);
        // D once (no gap). Pooled gaps sorted: 5, 10, 20, 40, 60.
        OrderHistory[] histories =
        [
            History("A", 0, 10, 30),
            History("B", 0, 40),
            History("C", 0, 5, 65),
            History("D", 7),
        ];
        var policy = LifecyclePolicy.Default with { MinimumRepeatCustomers = 3 };

        // Act
        var thresholds = LifecycleThresholdEstimator.Estimate(histories, policy);

        // Assert (numpy.percentile([5,10,20,40,60], [50,80,95]) = 20, 44, 56):
        // p50: h = 4·0.5 = 2 → 20; p80: h = 3.2 → 40 + 0.2·20 = 44; p95: h = 3.8 → 40 + 0.8·20 = 56.
        Assert.Equal(new LifecycleThresholds(20m, 20m, 44m, 56m, LifecycleThresholdSource.Derived, 3, 5), thresholds);
    }

    [Fact]
    public void Too_few_repeat_customers_fall_back_and_say_how_many_there_were()
    {
        // Arrange: two repeat customers, the policy needs three.
        OrderHistory[] histories = [History("A", 0, 10, 30), History("B", 0, 40), History("C", 3)];
        var policy = LifecyclePolicy.Default with { MinimumRepeatCustomers = 3 };

        // Act
        var thresholds = LifecycleThresholdEstimator.Estimate(histories, policy);

        // Assert: the conventional 30 / 30 / 90 / 180 days, with the counts that were too small (2 customers, 3 gaps).
        Assert.Equal(new LifecycleThresholds(30m, 30m, 90m, 180m, LifecycleThresholdSource.Fallback, 2, 3), thresholds);
    }

    [Fact]
    public void The_default_policy_derives_thresholds_from_thirty_repeat_customers()
    {
        // Arrange: 30 customers each with one 7-day gap.
        var histories = Enumerable.Range(0, 30).Select(i => History($"C{i}", 0, 7)).ToList();

        // Act
        var thresholds = LifecycleThresholdEstimator.Estimate(histories, LifecyclePolicy.Default);

        // Assert: every percentile of thirty 7s is 7.
        Assert.Equal(LifecycleThresholdSource.Derived, thresholds.Source);
        Assert.Equal(7m, thresholds.LapsedMaxDays);
    }

    [Fact]
    public void The_default_policy_falls_back_with_twenty_nine_repeat_customers()
    {
        // Arrange
        var histories = Enumerable.Range(0, 29).Select(i => History($"C{i}", 0, 7)).ToList();

        // Act
        var thresholds = LifecycleThresholdEstimator.Estimate(histories, LifecyclePolicy.Default);

        // Assert
        Assert.Equal(LifecycleThresholdSource.Fallback, thresholds.Source);
        Assert.Equal(29, thresholds.RepeatCustomers);
    }

    [Fact]
    public void No_customers_fall_back()
    {
        // Act
        var thresholds = LifecycleThresholdEstimator.Estimate([], LifecyclePolicy.Default);

        // Assert
        Assert.Equal(LifecycleThresholds.ConventionalFallback, thresholds);
    }

    [Fact]
    public void A_policy_whose_percentiles_do_not_ascend_is_refused()
    {
        // Arrange: at risk (p90) above lapsed (p80) would leave no lapsed band.
        var policy = LifecyclePolicy.Default with { AtRiskPercentile = 0.90m, LapsedPercentile = 0.80m };

        // Act
        Action act = () => LifecycleThresholdEstimator.Estimate([], policy);

        // Assert
        Assert.Throws<ArgumentException>(act);
    }

    private static OrderHistory History(string id, params int[] days) => new(id, days.Select(d => Day0.AddDays(d)));
}
