using Segments.Core.Explanations;
using Segments.Core.Lifecycle;

namespace Segments.Core.Tests.Explanations;

/// <summary>Wording with the Online Retail thresholds as of 2011-12-10 (28 / 28 / 70 / 155 days from 2,790 repeat customers).</summary>
public sealed class LifecycleExplanationTests
{
    private static readonly LifecycleThresholds OnlineRetail = new(28m, 28m, 70m, 155m, LifecycleThresholdSource.Derived, 2790, 14000);

    [Theory]
    [InlineData("New", 12, 12, "New: first order 12 days ago, within this store's new-customer window of 28 days (its median interval between purchases)")]
    [InlineData("Active", 300, 10, "Active: last order 10 days ago, within this store's median interval between purchases of 28 days")]
    [InlineData("At Risk", 300, 45, "At Risk: no order for 45 days, beyond this store's median interval between purchases of 28 days and within its 80th-percentile interval between purchases of 70 days")]
    [InlineData("Lapsed", 300, 94, "Lapsed: no order for 94 days, beyond this store's 80th-percentile interval between purchases of 70 days and within its 95th-percentile interval between purchases of 155 days")]
    [InlineData("Lost", 370, 200, "Lost: no order for 200 days, beyond this store's 95th-percentile interval between purchases of 155 days")]
    [InlineData("One-time", 120, 120, "One-time: orders on a single day only, 120 days ago, outside this store's new-customer window of 28 days (its median interval between purchases)")]
    public void Stage_is_explained_with_the_customers_days_and_the_stores_thresholds(string stage, int daysSinceFirst, int daysSinceLast, string expected)
    {
        Assert.Equal(expected, LifecycleExplanation.Explain(stage, daysSinceFirst, daysSinceLast, OnlineRetail));
    }

    [Fact]
    public void Fallback_thresholds_are_named_as_defaults()
    {
        var fallback = LifecycleThresholds.ConventionalFallback with { RepeatCustomers = 2, GapCount = 3 };

        Assert.Equal(
            "New: first order 11 days ago, within the default new-customer window of 30 days (default thresholds: only 2 repeat customers, too few for the store's own intervals)",
            LifecycleExplanation.Explain("New", 11, 1, fallback));
    }
}
