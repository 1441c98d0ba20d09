using Segments.Core.Rfm;

namespace Segments.Core.Explanations;

/// <summary>
/// RFM scores in words, with the customer's measure and the run's cut points (the 20/40/60/80th
/// percentiles; see <see cref="RfmScorer"/>): R = 5 − cut points strictly below the recency, F and M =
/// 1 + cut points strictly below the value.
/// </summary>
public static class RfmExplanation
{
    /// <summary>E.g. <c>R=5: last order 3 days ago, within the top-20% cut of 11 days</c>.</summary>
    public static string Recency(int recencyDays, int r, CutPoints cuts)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        var points = Points(cuts);
        var below = 5 - r;
        var measure = $"R={r}: last order {(recencyDays == 0 ? "today" : ExplanationNumbers.Days(recencyDays) + " ago")}";
        return below switch
        {
            0 => $"{measure}, within the top-20% cut of {ExplanationNumbers.Days(points[0])}",
            4 => $"{measure}, beyond the top-80% cut of {ExplanationNumbers.Days(points[3])} (the least recent 20%)",
            _ => $"{measure}, beyond the top-{20 * below}% cut of {ExplanationNumbers.Days(points[below - 1])} and within the top-{20 * (below + 1)}% cut of {ExplanationNumbers.Days(points[below])}",
        };
    }

    /// <summary>E.g. <c>F=5: 12 orders, above the top-20% cut of 5 orders</c>.</summary>
    public static string Frequency(int frequency, int f, CutPoints cuts) =>
        Upward($"F={f}: {ExplanationNumbers.Orders(frequency)}", f, cuts, ExplanationNumbers.Orders);

    /// <summary>E.g. <c>M=4: net revenue 1,200.00, above the 60th-percentile cut of 950.00 and at most the 80th-percentile cut of 1,950.40</c>.</summary>
    public static string Monetary(decimal monetary, int m, CutPoints cuts) =>
        Upward($"M={m}: net revenue {ExplanationNumbers.Money(monetary)}", m, cuts, ExplanationNumbers.Money);

    /// <summary>E.g. <c>Champions: code 555 is one of 555, 554, … which the RFM segment table names Champions</c>.</summary>
    public static string Segment(string segment, int r, int f, int m)
    {
        var codes = RfmSegmentTable.CodesOf(segment);
        return $"{segment}: RFM code {r}{f}{m} (R={r}, F={f}, M={m}) is one of the {codes.Count} codes the RFM segment table names {segment} ({string.Join(", ", codes)})";
    }

    private static string Upward(string measure, int score, CutPoints cuts, Func<decimal, string> format)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        var points = Points(cuts);
        var below = score - 1;
        return below switch
        {
            0 => $"{measure}, at or below the bottom-20% cut of {format(points[0])}",
            4 => $"{measure}, above the top-20% cut of {format(points[3])}",
            _ => $"{measure}, above the {20 * below}th-percentile cut of {format(points[below - 1])} and at most the {20 * (below + 1)}th-percentile cut of {format(points[below])}",
        };
    }

    private static decimal[] Points(CutPoints cuts) => [cuts.P20, cuts.P40, cuts.P60, cuts.P80];
}
