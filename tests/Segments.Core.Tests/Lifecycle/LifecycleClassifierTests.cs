using Segments.Core.Lifecycle;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Lifecycle;

public class LifecycleClassifierTests
{
    private static readonly DateOnly AsOf = new(2011, 12, 10);

    // Distinct values so that each test shows which threshold decided: new window 20 days, active up to
    // 30 days since the last order, at risk up to 60, lapsed up to 120, lost beyond.
    private static readonly LifecycleThresholds Thresholds = new(20m, 30m, 60m, 120m, LifecycleThresholdSource.Derived, 100, 400);

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void A_first_order_within_the_new_window_is_new(int daysAgo)
    {
        // Arrange
        var history = History(daysAgo);

        // Act
        var stage = Stage(history);

        // Assert: the window is inclusive, 20 days ago is still new.
        Assert.Equal(LifecycleStage.New, stage);
    }

    [Fact]
    public void A_customer_whose_first_order_is_within_the_new_window_is_new_whatever_their_orders()
    {
        // Arrange: three orders, the first 15 days ago.
        var history = History(15, 8, 1);

        // Act
        var stage = Stage(history);

        // Assert
        Assert.Equal(LifecycleStage.New, stage);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(400)]
    public void A_single_order_before_the_new_window_is_one_time(int daysAgo)
    {
        // Arrange
        var history = History(daysAgo);

        // Act
        var stage = Stage(history);

        // Assert: one day past the window, or long ago: one-time, not lost, because they never came back at all.
        Assert.Equal(LifecycleStage.OneTime, stage);
    }

    [Theory]
    [InlineData(0, LifecycleStage.Active)]
    [InlineData(30, LifecycleStage.Active)]
    [InlineData(31, LifecycleStage.AtRisk)]
    [InlineData(60, LifecycleStage.AtRisk)]
    [InlineData(61, LifecycleStage.Lapsed)]
    [InlineData(120, LifecycleStage.Lapsed)]
    [InlineData(121, LifecycleStage.Lost)]
    public void A_repeat_customer_is_staged_by_days_since_the_last_order(int lastOrderDaysAgo, LifecycleStage expected)
    {
        // Arrange: two orders 30 days apart, the last one lastOrderDaysAgo days ago. The first is then at
        // least 30 days ago (outside the 20-day new window) and a 30-day gap is no lapse (≤ 120).
        var history = History(lastOrderDaysAgo + 30, lastOrderDaysAgo);

        // Act
        var stage = Stage(history);

        // Assert: every bound is inclusive: 30 is active, 31 at risk, 60 at risk, 61 lapsed, 120 lapsed, 121 lost.
        Assert.Equal(expected, stage);
    }

    [Fact]
    public void A_return_after_a_gap_longer_than_the_lapsed_threshold_is_reactivated()
    {
        // Arrange: orders 300 and 5 days ago: a 295-day gap (> 120) and the return is within the 20-day window.
        var history = History(300, 5);

        // Act
        var stage = Stage(history);

        // Assert
        Assert.Equal(LifecycleStage.Reactivated, stage);
    }

    [Fact]
    public void A_gap_equal_to_the_lapsed_threshold_is_not_a_return()
    {
        // Arrange: orders 125 and 5 days ago: a gap of exactly 120 days, which still counts as lapsed, not lost.
        var history = History(125, 5);

        // Act
        var stage = Stage(history);

        // Assert: staged by recency instead, 5 days → active.
        Assert.Equal(LifecycleStage.Active, stage);
    }

    [Fact]
    public void A_reactivated_customer_who_orders_again_within_the_window_stays_reactivated()
    {
        // Arrange: back 18 days ago after a 282-day silence, then again 3 days ago.
        var history = History(300, 18, 3);

        // Act
        var stage = Stage(history);

        // Assert: the return (18 days ago) is within the 20-day window.
        Assert.Equal(LifecycleStage.Reactivated, stage);
    }

    [Fact]
    public void A_return_older_than_the_new_window_is_staged_by_recency_again()
    {
        // Arrange: back 25 days ago after a 275-day silence: the return is 5 days past the 20-day window.
        var history = History(300, 25);

        // Act
        var stage = Stage(history);

        // Assert: 25 days since the last order ≤ 30 → active.
        Assert.Equal(LifecycleStage.Active, stage);
    }

    [Fact]
    public void The_assessment_reports_the_measures_it_used()
    {
        // Arrange
        var history = History(300, 40, 40, 35);

        // Act
        var lifecycle = LifecycleClassifier.Assess(history, AsOf, Thresholds);

        // Assert: three distinct dates; 300 days since the first, 35 since the last → at risk (31–60).
        Assert.Equal(new CustomerLifecycle("C", LifecycleStage.AtRisk, 300, 35, 3), lifecycle);
    }

    [Fact]
    public void An_order_after_the_as_of_date_is_refused()
    {
        // Arrange
        var history = new OrderHistory("C", [AsOf.AddDays(1)]);

        // Act
        Action act = () => LifecycleClassifier.Assess(history, AsOf, Thresholds);

        // Assert
        Assert.Throws<ArgumentException>(act);
    }

    [Fact]
    public void Classify_derives_thresholds_from_the_customers_and_stages_each_in_input_order()
    {
        // Arrange: policy needing 2 repeat customers. B's gap is 10 days, C's 30: pooled gaps [10, 30] give
        // p50 = 20 (new window and active), p80 = 26, p95 = 29 (h = 0.95 → 10 + 0.95·20).
        var policy = LifecyclePolicy.Default with { MinimumRepeatCustomers = 2 };
        OrderHistory[] histories =
        [
            new("A", [AsOf.AddDays(-100)]),
            new("B", [AsOf.AddDays(-35), AsOf.AddDays(-25)]),
            new("C", [AsOf.AddDays(-40), AsOf.AddDays(-10)]),
        ];

        // Act
        var assessment = LifecycleClassifier.Classify(histories, AsOf, policy);

        // Assert: A one order 100 days ago → one-time; B last order 25 days ago (26 ≥ 25 > 20) → at risk;
        // C's 30-day gap exceeds p95 = 29, so its order 10 days ago is a return within the window → reactivated.
        Assert.Equal(new LifecycleThresholds(20m, 20m, 26m, 29m, LifecycleThresholdSource.Derived, 2, 2), assessment.Thresholds);
        Assert.Equal(
            [LifecycleStage.OneTime, LifecycleStage.AtRisk, LifecycleStage.Reactivated],
            assessment.Customers.Select(c => c.Stage));
    }

    private static LifecycleStage Stage(OrderHistory history) => LifecycleClassifier.Assess(history, AsOf, Thresholds).Stage;

    private static OrderHistory History(params int[] daysAgo) => new("C", daysAgo.Select(d => AsOf.AddDays(-d)));
}
