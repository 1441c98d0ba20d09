namespace Segments.Core.Rfm;

/// <summary>
/// Scores customers 1–5 on recency, frequency and monetary value against cut points taken from the
/// customers themselves, and names their segment.
/// </summary>
public static class RfmScorer
{
    /// <summary>
    /// F and M score = 1 + the number of cut points strictly below the value; R score = 5 − the number of
    /// cut points strictly below the recency in days (recent is good). "Strictly below" puts a value that
    /// ties a cut point in the lower score.
    /// </summary>
    public static RfmScoring Score(IReadOnlyList<CustomerMetrics> customers)
    {
        if (customers.Count == 0)
        {
            var none = new CutPoints(0, 0, 0, 0);
            return new RfmScoring(none, none, none, []);
        }

        var recency = CutPoints.Of(customers.Select(c => (decimal)c.RecencyDays));
        var frequency = CutPoints.Of(customers.Select(c => (decimal)c.Frequency));
        var monetary = CutPoints.Of(customers.Select(c => c.Monetary));

        var scores = customers.Select(c =>
        {
            var r = 5 - recency.CountBelow(c.RecencyDays);
            var f = 1 + frequency.CountBelow(c.Frequency);
            var m = 1 + monetary.CountBelow(c.Monetary);
            return new RfmScore(c, r, f, m, RfmSegmentTable.SegmentOf(r, f, m));
        }).ToList();

        return new RfmScoring(recency, frequency, monetary, scores);
    }
}
