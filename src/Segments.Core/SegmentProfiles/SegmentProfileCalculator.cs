using Segments.Core.Lifecycle;
using Segments.Core.Rfm;

namespace Segments.Core.SegmentProfiles;

/// <summary>
/// Computes segment profiles from the customers of a run. Pure: the recompute calls it with every customer
/// and every segment of the run, tests call it with a handful.
/// </summary>
public static class SegmentProfileCalculator
{
    /// <summary>
    /// One profile per segment, in the order given. Shares of products and countries are of the segment's
    /// customers; <paramref name="demographics"/> (by customer id) is optional, and its mixes are over the
    /// customers whose value is known.
    /// </summary>
    public static IReadOnlyList<SegmentProfile> Profile(
        IReadOnlyList<ProfiledCustomer> customers,
        IReadOnlyList<SegmentMembers> segments,
        IReadOnlyDictionary<string, CustomerDemographics>? demographics = null,
        SegmentProfileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(segments);
        options ??= new SegmentProfileOptions();
        var byId = new Dictionary<string, ProfiledCustomer>(customers.Count, StringComparer.Ordinal);
        foreach (var customer in customers)
        {
            byId[customer.CustomerId] = customer;
        }

        var totalRevenue = customers.Sum(c => c.Revenue);
        var buyersOverall = CountProducts(customers);
        return segments
            .Select(segment => ProfileOne(segment, byId, customers.Count, totalRevenue, buyersOverall, demographics, options))
            .ToList();
    }

    private static SegmentProfile ProfileOne(
        SegmentMembers segment,
        Dictionary<string, ProfiledCustomer> byId,
        int customerCount,
        decimal totalRevenue,
        Dictionary<string, int> buyersOverall,
        IReadOnlyDictionary<string, CustomerDemographics>? demographics,
        SegmentProfileOptions options)
    {
        var members = segment.CustomerIds
            .Distinct(StringComparer.Ordinal)
            .Select(id => byId.GetValueOrDefault(id))
            .OfType<ProfiledCustomer>()
            .ToList();
        var n = members.Count;
        var revenue = members.Sum(c => c.Revenue);
        var orders = members.Sum(c => c.Orders);
        var recency = members.Select(c => (decimal)c.RecencyDays).Order().ToArray();
        var buyers = CountProducts(members);

        var stageOrder = LifecycleStageNames.All.Select(LifecycleStageNames.NameOf).ToList();
        var lifecycle = members
            .Where(c => c.LifecycleStage is not null)
            .GroupBy(c => c.LifecycleStage!, StringComparer.Ordinal)
            .Select(g => new ShareOf(g.Key, g.Count(), Share(g.Count(), n)))
            .OrderBy(s => stageOrder.IndexOf(s.Name) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

        return new SegmentProfile(
            segment.Segment,
            n,
            revenue,
            totalRevenue > 0 ? Math.Round((double)(revenue / totalRevenue), 4) : 0,
            orders > 0 ? Math.Round(revenue / orders, 2) : null,
            n > 0 ? Percentile.Linear(recency, 0.5m) : null,
            Top(buyers, n, options.TopProducts),
            Top(Count(members.Select(c => c.Country).Where(c => c.Length > 0)), n, options.TopCountries),
            lifecycle,
            demographics is null ? null : Mix(members.Select(c => demographics.GetValueOrDefault(c.CustomerId)?.AgeBand)),
            demographics is null ? null : Mix(members.Select(c => demographics.GetValueOrDefault(c.CustomerId)?.Gender)),
            CrossSell(buyers, n, buyersOverall, customerCount, options));
    }

    /// <summary>
    /// Products with lift above 1 that at least max(<see cref="SegmentProfileOptions.CrossSellMinimumCustomers"/>,
    /// ⌈<see cref="SegmentProfileOptions.CrossSellMinimumShare"/> × segment size⌉) of the segment's customers
    /// bought; highest lift first, then more buyers, then product name.
    /// </summary>
    internal static List<CrossSellCandidate> CrossSell(Dictionary<string, int> buyers, int n, Dictionary<string, int> buyersOverall, int customerCount, SegmentProfileOptions options)
    {
        if (n == 0 || customerCount == 0)
        {
            return [];
        }

        var support = Math.Max(options.CrossSellMinimumCustomers, (int)Math.Ceiling(options.CrossSellMinimumShare * n));
        return buyers
            .Where(p => p.Value >= support)
            .Select(p =>
            {
                var segmentShare = (double)p.Value / n;
                var overallShare = (double)buyersOverall[p.Key] / customerCount;
                return (Product: p.Key, Buyers: p.Value, SegmentShare: segmentShare, OverallShare: overallShare, Lift: segmentShare / overallShare);
            })
            .Where(p => p.Lift > 1)
            .OrderByDescending(p => p.Lift)
            .ThenByDescending(p => p.Buyers)
            .ThenBy(p => p.Product, StringComparer.Ordinal)
            .Take(options.CrossSellCandidates)
            .Select(p => new CrossSellCandidate(p.Product, p.Buyers, Math.Round(p.SegmentShare, 4), Math.Round(p.OverallShare, 4), Math.Round(p.Lift, 3), n - p.Buyers))
            .ToList();
    }

    private static DemographicMix Mix(IEnumerable<string?> values)
    {
        var known = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
        return new DemographicMix(known.Count, Top(Count(known), known.Count, int.MaxValue));
    }

    private static Dictionary<string, int> CountProducts(IEnumerable<ProfiledCustomer> customers) =>
        Count(customers.SelectMany(c => c.Products.Distinct(StringComparer.Ordinal)));

    private static Dictionary<string, int> Count(IEnumerable<string> values)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }

        return counts;
    }

    internal static List<ShareOf> Top(Dictionary<string, int> counts, int n, int take) =>
        counts
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(take)
            .Select(p => new ShareOf(p.Key, p.Value, Share(p.Value, n)))
            .ToList();

    internal static double Share(int count, int n) => n > 0 ? Math.Round((double)count / n, 4) : 0;
}
