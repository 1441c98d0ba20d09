namespace Segments.Core.Scale;

/// <summary>What a segment profile needs of one segment's members, as counts that add up across buckets.</summary>
internal sealed class SegmentTally
{
    public int Customers { get; set; }

    public decimal Revenue { get; set; }

    public long Orders { get; set; }

    public ValueHistogram Recency { get; } = new();

    public Dictionary<string, int> Buyers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Countries { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Stages { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> AgeBands { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Genders { get; } = new(StringComparer.Ordinal);

    public int KnownAgeBands { get; set; }

    public int KnownGenders { get; set; }

    public void AddAll(SegmentTally other)
    {
        Customers += other.Customers;
        Revenue += other.Revenue;
        Orders += other.Orders;
        Recency.AddAll(other.Recency);
        KnownAgeBands += other.KnownAgeBands;
        KnownGenders += other.KnownGenders;
        foreach (var (into, from) in new[] { (Buyers, other.Buyers), (Countries, other.Countries), (Stages, other.Stages), (AgeBands, other.AgeBands), (Genders, other.Genders) })
        {
            foreach (var (key, count) in from)
            {
                Increment(into, key, count);
            }
        }
    }

    public static void Increment(Dictionary<string, int> counts, string key, int times = 1) => counts[key] = counts.GetValueOrDefault(key) + times;
}
