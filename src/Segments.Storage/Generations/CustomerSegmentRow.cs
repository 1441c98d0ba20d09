namespace Segments.Storage.Generations;

/// <summary>One customer's row in a generation table: everything a lookup returns.</summary>
public sealed record CustomerSegmentRow(
    string CustomerId,
    int RecencyDays,
    int Frequency,
    decimal Monetary,
    int R,
    int F,
    int M,
    string Code,
    string Segment,
    string Country);
