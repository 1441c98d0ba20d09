namespace Segments.Integration.Tests.Fixtures;

/// <summary>
/// RFM segment counts of the full UCI Online Retail file as of 2011-12-10, computed independently of this
/// code base by <c>tests/reference/rfm_reference.py</c> (Python standard library, exact rational arithmetic,
/// numpy's linear percentile written out by hand): 4,339 scored customers; cut points recency 14.2/33/72/180,
/// frequency 1/2/3/6, monetary 242.872/474.104/914.85/2014.866.
/// </summary>
public static class OnlineRetailReference
{
    /// <summary>The as-of date: the day after the file's last invoice (2011-12-09).</summary>
    public const string AsOf = "2011-12-10";

    /// <summary>Customers scored.</summary>
    public const int Customers = 4339;

    /// <summary>Customers per segment.</summary>
    public static IReadOnlyDictionary<string, int> SegmentCounts { get; } = new Dictionary<string, int>
    {
        ["Champions"] = 804,
        ["Loyal"] = 399,
        ["Potential Loyalist"] = 313,
        ["New Customers"] = 401,
        ["Promising"] = 243,
        ["Need Attention"] = 253,
        ["About To Sleep"] = 222,
        ["At Risk"] = 350,
        ["Can't Lose Them"] = 128,
        ["Hibernating"] = 660,
        ["Lost"] = 566,
    };
}
