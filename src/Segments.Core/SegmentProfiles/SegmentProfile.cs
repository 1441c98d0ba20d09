namespace Segments.Core.SegmentProfiles;

/// <summary>
/// Who is in one segment: size, revenue, typical order, recency, what they buy, where they are, their
/// lifecycle mix, their demographics where known, and the products over-represented among them.
/// </summary>
/// <param name="Segment">Segment id, e.g. <c>rfm:Champions</c>.</param>
/// <param name="Customers">Customers in the segment.</param>
/// <param name="Revenue">Their net revenue.</param>
/// <param name="RevenueShare">Their revenue over the revenue of every scored customer (0 when that is 0).</param>
/// <param name="AverageOrderValue">Their revenue over their orders; null for an empty segment.</param>
/// <param name="MedianRecencyDays">Median days since their last order; null for an empty segment.</param>
/// <param name="TopProducts">Products bought by most of them, with the share of the segment's customers who bought each.</param>
/// <param name="TopCountries">Their most frequent countries, with the share of the segment's customers.</param>
/// <param name="LifecycleMix">Customers per lifecycle stage, in stage order, with the share of the segment.</param>
/// <param name="AgeBands">Age band mix among the customers whose age band is known; null when no demographics were given.</param>
/// <param name="Genders">Gender mix among the customers whose gender is known; null when no demographics were given.</param>
/// <param name="CrossSell">Products over-represented in the segment (lift above 1, with minimum support), highest lift first.</param>
public sealed record SegmentProfile(
    string Segment,
    int Customers,
    decimal Revenue,
    double RevenueShare,
    decimal? AverageOrderValue,
    decimal? MedianRecencyDays,
    IReadOnlyList<ShareOf> TopProducts,
    IReadOnlyList<ShareOf> TopCountries,
    IReadOnlyList<ShareOf> LifecycleMix,
    DemographicMix? AgeBands,
    DemographicMix? Genders,
    IReadOnlyList<CrossSellCandidate> CrossSell);

/// <summary>A value (product, country, stage …) and how many of a group's customers have it.</summary>
/// <param name="Name">The value.</param>
/// <param name="Customers">Customers with it.</param>
/// <param name="Share">Customers over the group's size, rounded to 4 decimals.</param>
public sealed record ShareOf(string Name, int Customers, double Share);

/// <summary>A demographic attribute's mix over the customers for whom it is known.</summary>
/// <param name="KnownCustomers">Customers of the segment with a value; shares are of these.</param>
/// <param name="Values">Customers per value, most frequent first.</param>
public sealed record DemographicMix(int KnownCustomers, IReadOnlyList<ShareOf> Values);

/// <summary>
/// A product the segment buys more often than the customer base: lift = (share of the segment's customers
/// who bought it) / (share of all customers who bought it).
/// </summary>
/// <param name="Product">The product.</param>
/// <param name="SegmentCustomers">Customers of the segment who bought it.</param>
/// <param name="SegmentShare">… as a share of the segment.</param>
/// <param name="OverallShare">Share of all scored customers who bought it.</param>
/// <param name="Lift">SegmentShare / OverallShare, rounded to 3 decimals.</param>
/// <param name="NotYetBought">Customers of the segment who have not bought it: the audience of a cross-sell campaign.</param>
public sealed record CrossSellCandidate(string Product, int SegmentCustomers, double SegmentShare, double OverallShare, double Lift, int NotYetBought);

/// <summary>Every segment profile of one run, as stored next to the run.</summary>
/// <param name="RunId">The run.</param>
/// <param name="AsOf">Its as-of date.</param>
/// <param name="Customers">Scored customers of the run.</param>
/// <param name="Revenue">Their net revenue.</param>
/// <param name="Options">List lengths and cross-sell support used.</param>
/// <param name="Profiles">One profile per segment of the run.</param>
public sealed record SegmentProfileSet(string RunId, DateOnly AsOf, int Customers, decimal Revenue, SegmentProfileOptions Options, IReadOnlyList<SegmentProfile> Profiles)
{
    /// <summary>
    /// The run's cohort retention tables (kept in the same blob: derived data of the run, dropped with it). Setter
    /// rather than <c>init</c>: the stores' source-generated reader (Segments.Storage <c>StorageJsonContext</c>) sets
    /// every <c>init</c> property, so a blob written before cohorts existed would read them as null (dotnet/runtime#84484).
    /// </summary>
    public IReadOnlyList<Cohorts.CohortTable> Cohorts { get; set; } = [];
}
