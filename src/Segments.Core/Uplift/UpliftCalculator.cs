namespace Segments.Core.Uplift;

/// <summary>Treatment against control from each customer's outcome.</summary>
public static class UpliftCalculator
{
    /// <summary>The uplift of <paramref name="outcomes"/>; <paramref name="campaignCost"/> (when positive) gives the ROI.</summary>
    public static UpliftResult Compute(IReadOnlyCollection<GroupOutcome> outcomes, double? campaignCost = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var control = outcomes.Where(o => !o.Treatment).ToList();
        var treatment = outcomes.Where(o => o.Treatment).ToList();
        var conversion = TwoSampleTests.Proportions(control.Count(o => o.Orders > 0), control.Count, treatment.Count(o => o.Orders > 0), treatment.Count);
        var revenue = TwoSampleTests.Means(control.Select(o => o.Revenue).ToList(), treatment.Select(o => o.Revenue).ToList());
        var orders = TwoSampleTests.Means(control.Select(o => (double)o.Orders).ToList(), treatment.Select(o => (double)o.Orders).ToList());
        double? incremental = revenue is null ? null : revenue.Value * treatment.Count;
        double? roi = incremental is { } gain && campaignCost is { } cost && cost > 0 ? (gain - cost) / cost : null;
        return new UpliftResult(control.Count, treatment.Count, conversion, revenue, orders, incremental, campaignCost, roi);
    }
}
