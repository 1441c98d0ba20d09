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

        var cuts = new RfmCutPoints(recency, frequency, monetary);
        var scores = customers.Select(c => ScoreOne(c, cuts)).ToList();

        return new RfmScoring(recency, frequency, monetary, scores);
    }

    /// <summary>One customer against cut points already taken (from the whole population, or merged from its buckets' summaries).</summary>
    public static RfmScore ScoreOne(CustomerMetrics customer, RfmCutPoints cuts)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(cuts);
        var r = 5 - cuts.Recency.CountBelow(customer.RecencyDays);
        var f = 1 + cuts.Frequency.CountBelow(customer.Frequency);
        var m = 1 + cuts.Monetary.CountBelow(customer.Monetary);
        return new RfmScore(customer, r, f, m, RfmSegmentTable.SegmentOf(r, f, m));
    }
}
