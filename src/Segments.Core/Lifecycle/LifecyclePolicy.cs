namespace Segments.Core.Lifecycle;

/// <summary>
/// How lifecycle thresholds are derived: which percentiles of the pooled inter-purchase gaps bound each
/// stage, and when there is too little data to trust them.
/// </summary>
/// <param name="NewWindowPercentile">Percentile of the gaps that bounds the new-customer window.</param>
/// <param name="ActivePercentile">Percentile that bounds Active: half of all returns happen within the median gap.</param>
/// <param name="AtRiskPercentile">Percentile that bounds At Risk.</param>
/// <param name="LapsedPercentile">Percentile that bounds Lapsed: beyond it, fewer than 1 in 20 returns were ever seen.</param>
/// <param name="MinimumRepeatCustomers">Fewer repeat customers than this and <paramref name="Fallback"/> is used.</param>
/// <param name="Fallback">Thresholds used when there are too few repeat customers.</param>
public sealed record LifecyclePolicy(
    decimal NewWindowPercentile,
    decimal ActivePercentile,
    decimal AtRiskPercentile,
    decimal LapsedPercentile,
    int MinimumRepeatCustomers,
    LifecycleThresholds Fallback)
{
    /// <summary>
    /// p50 / p50 / p80 / p95, at least 30 repeat customers (below that a p95 rests on one or two gaps),
    /// else <see cref="LifecycleThresholds.ConventionalFallback"/>.
    /// </summary>
    public static LifecyclePolicy Default { get; } =
        new(0.50m, 0.50m, 0.80m, 0.95m, 30, LifecycleThresholds.ConventionalFallback);
}
