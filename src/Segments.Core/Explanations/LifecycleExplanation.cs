using Segments.Core.Lifecycle;

namespace Segments.Core.Explanations;

/// <summary>
/// A lifecycle stage in words, with the customer's day counts and the run's thresholds (rules in
/// <c>docs/lifecycle.md</c>; percentile levels of <see cref="LifecyclePolicy.Default"/>).
/// </summary>
public static class LifecycleExplanation
{
    private const string Store = "this store's";
    private const string Its = "its";

    /// <summary>E.g. <c>At Risk: no order for 45 days, beyond this store's median interval between purchases of 28 days and within its 80th-percentile interval of 70 days</c>.</summary>
    public static string Explain(string stage, int daysSinceFirstOrder, int daysSinceLastOrder, LifecycleThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var policy = LifecyclePolicy.Default;
        var derived = thresholds.Source == LifecycleThresholdSource.Derived;
        var newWindow = derived
            ? $"this store's new-customer window of {ExplanationNumbers.Days(thresholds.NewWindowDays)} (its {ExplanationNumbers.PercentileName(policy.NewWindowPercentile)} interval between purchases)"
            : $"the default new-customer window of {ExplanationNumbers.Days(thresholds.NewWindowDays)}";
        string Active(string lead) => Bound(derived, lead, "active", thresholds.ActiveMaxDays, policy.ActivePercentile);
        string AtRisk(string lead) => Bound(derived, lead, "at-risk", thresholds.AtRiskMaxDays, policy.AtRiskPercentile);
        string Lapsed(string lead) => Bound(derived, lead, "lapsed", thresholds.LapsedMaxDays, policy.LapsedPercentile);
        var silence = $"no order for {ExplanationNumbers.Days(daysSinceLastOrder)}";
        var text = stage switch
        {
            "New" => $"New: first order {Ago(daysSinceFirstOrder)}, within {newWindow}",
            "One-time" => $"One-time: orders on a single day only, {Ago(daysSinceLastOrder)}, outside {newWindow}",
            "Reactivated" => $"Reactivated: came back after a silence longer than {Lapsed(Store)} and that return is within {newWindow}; last order {Ago(daysSinceLastOrder)}",
            "Active" => $"Active: last order {Ago(daysSinceLastOrder)}, within {Active(Store)}",
            "At Risk" => $"At Risk: {silence}, beyond {Active(Store)} and within {AtRisk(Its)}",
            "Lapsed" => $"Lapsed: {silence}, beyond {AtRisk(Store)} and within {Lapsed(Its)}",
            "Lost" => $"Lost: {silence}, beyond {Lapsed(Store)}",
            _ => $"{stage}: first order {Ago(daysSinceFirstOrder)}, last order {Ago(daysSinceLastOrder)}",
        };
        return derived
            ? text
            : $"{text} (default thresholds: only {thresholds.RepeatCustomers} repeat customers, too few for the store's own intervals)";
    }

    private static string Bound(bool derived, string lead, string stage, decimal days, decimal level) =>
        derived
            ? $"{lead} {ExplanationNumbers.PercentileName(level)} interval between purchases of {ExplanationNumbers.Days(days)}"
            : $"the default {stage} limit of {ExplanationNumbers.Days(days)}";

    private static string Ago(int days) => days == 0 ? "today" : $"{ExplanationNumbers.Days(days)} ago";
}
