using Segments.Core.SegmentProfiles;

namespace Segments.Core.Tests.SegmentProfiles;

/// <summary>
/// Six customers, worked by hand. Total revenue 1,000. Segment S = {c1, c3, c5}: revenue 850 (share 0.85),
/// 8 orders (AOV 106.25), recency 5/10/30 (median 10). Products in S: B by 3, A by 2, C by 2; overall each of
/// A, B, C is bought by 3 of 6 customers (share 0.5), so lift B = 1/0.5 = 2, A = C = (2/3)/0.5 = 1.333.
/// </summary>
public sealed class SegmentProfileCalculatorTests
{
    private static readonly ProfiledCustomer[] Customers =
    [
        new("c1", 10, 2, 100m, "United Kingdom", "Active", ["A", "B"]),
        new("c2", 20, 1, 50m, "United Kingdom", "New", ["A"]),
        new("c3", 30, 4, 250m, "France", "Active", ["B", "C"]),
        new("c4", 200, 1, 100m, "Germany", "Lost", ["C"]),
        new("c5", 5, 2, 500m, "Spain", "Active", ["A", "B", "C"]),
        new("c6", 300, 1, 0m, string.Empty, "One-time", []),
    ];

    private static readonly SegmentProfileOptions SmallStore = new() { CrossSellMinimumCustomers = 2, CrossSellMinimumShare = 0 };

    private static SegmentProfile ProfileOfS(IReadOnlyDictionary<string, CustomerDemographics>? demographics = null, SegmentProfileOptions? options = null) =>
        Assert.Single(SegmentProfileCalculator.Profile(Customers, [new SegmentMembers("rule:S", ["c1", "c3", "c5"])], demographics, options ?? SmallStore));

    [Fact]
    public void Profile_gives_size_revenue_share_average_order_value_and_median_recency()
    {
        var profile = ProfileOfS();

        Assert.Equal(("rule:S", 3, 850m, 0.85), (profile.Segment, profile.Customers, profile.Revenue, profile.RevenueShare));
        Assert.Equal(106.25m, profile.AverageOrderValue);
        Assert.Equal(10m, profile.MedianRecencyDays);
    }

    [Fact]
    public void Top_products_and_countries_carry_the_share_of_segment_customers()
    {
        var profile = ProfileOfS();

        Assert.Equal([new ShareOf("B", 3, 1.0), new ShareOf("A", 2, 0.6667), new ShareOf("C", 2, 0.6667)], profile.TopProducts);
        Assert.Equal([new ShareOf("France", 1, 0.3333), new ShareOf("Spain", 1, 0.3333), new ShareOf("United Kingdom", 1, 0.3333)], profile.TopCountries);
        Assert.Equal([new ShareOf("Active", 3, 1.0)], profile.LifecycleMix);
    }

    [Fact]
    public void Cross_sell_candidates_are_ranked_by_lift_against_all_customers()
    {
        var profile = ProfileOfS();

        Assert.Equal(
            [
                new CrossSellCandidate("B", 3, 1.0, 0.5, 2.0, 0),
                new CrossSellCandidate("A", 2, 0.6667, 0.5, 1.333, 1),
                new CrossSellCandidate("C", 2, 0.6667, 0.5, 1.333, 1),
            ],
            profile.CrossSell);
    }

    [Fact]
    public void Cross_sell_needs_minimum_support_so_rare_products_do_not_dominate()
    {
        // Three buyers required: only B (bought by all three) qualifies.
        var strict = ProfileOfS(options: SmallStore with { CrossSellMinimumCustomers = 3 });
        Assert.Equal(["B"], strict.CrossSell.Select(c => c.Product));

        // The share floor works alike: 90% of 3 customers rounds up to 3 buyers.
        var byShare = ProfileOfS(options: SmallStore with { CrossSellMinimumShare = 0.9 });
        Assert.Equal(["B"], byShare.CrossSell.Select(c => c.Product));

        // Defaults (5 customers) leave nothing in a segment of three.
        Assert.Empty(ProfileOfS(options: new SegmentProfileOptions()).CrossSell);
    }

    [Fact]
    public void A_segment_equal_to_the_whole_base_has_no_cross_sell_candidates()
    {
        var all = SegmentProfileCalculator.Profile(Customers, [new SegmentMembers("all", Customers.Select(c => c.CustomerId).ToList())], null, SmallStore);

        Assert.Empty(Assert.Single(all).CrossSell);
        Assert.Equal(1.0, all[0].RevenueShare);
    }

    [Fact]
    public void Age_and_gender_mix_is_over_customers_whose_value_is_known()
    {
        var demographics = new Dictionary<string, CustomerDemographics>
        {
            ["c1"] = new("25-34", "female"),
            ["c3"] = new("35-44", null),
            ["c5"] = new("25-34", "male"),
            ["c2"] = new("65+", "female"), // not in the segment
        };

        var profile = ProfileOfS(demographics);

        Assert.Equal(3, profile.AgeBands!.KnownCustomers);
        Assert.Equal([new ShareOf("25-34", 2, 0.6667), new ShareOf("35-44", 1, 0.3333)], profile.AgeBands.Values);
        Assert.Equal(2, profile.Genders!.KnownCustomers);
        Assert.Equal([new ShareOf("female", 1, 0.5), new ShareOf("male", 1, 0.5)], profile.Genders.Values);
    }

    [Fact]
    public void Without_demographics_the_mixes_are_absent()
    {
        var profile = ProfileOfS();

        Assert.Null(profile.AgeBands);
        Assert.Null(profile.Genders);
    }

    [Fact]
    public void An_empty_segment_has_zero_size_and_no_averages()
    {
        var profile = Assert.Single(SegmentProfileCalculator.Profile(Customers, [new SegmentMembers("rfm:Lost", ["unknown-id"])]));

        Assert.Equal((0, 0m, 0.0), (profile.Customers, profile.Revenue, profile.RevenueShare));
        Assert.Null(profile.AverageOrderValue);
        Assert.Null(profile.MedianRecencyDays);
        Assert.Empty(profile.TopProducts);
        Assert.Empty(profile.CrossSell);
    }
}
