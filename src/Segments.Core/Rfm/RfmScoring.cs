namespace Segments.Core.Rfm;

/// <summary>The result of scoring one customer base: the cut points used and every customer's score.</summary>
public sealed record RfmScoring(CutPoints Recency, CutPoints Frequency, CutPoints Monetary, IReadOnlyList<RfmScore> Customers)
{
    /// <summary>Customers per named segment, every segment listed (zero when empty), in table order.</summary>
    public IReadOnlyList<SegmentCount> CountBySegment()
    {
        var counts = Customers.GroupBy(c => c.Segment).ToDictionary(g => g.Key, g => g.Count());
        return RfmSegmentTable.SegmentNames.Select(name => new SegmentCount(name, counts.GetValueOrDefault(name))).ToList();
    }
}

/// <summary>How many customers one segment holds.</summary>
public sealed record SegmentCount(string Name, int Customers);
