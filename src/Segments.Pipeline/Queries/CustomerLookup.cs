namespace Segments.Pipeline.Queries;

/// <summary>The answer to "which segments is customer X in?".</summary>
public sealed record CustomerLookup(string CustomerId, string RunId, DateOnly AsOf, RfmView Rfm);

/// <summary>A customer's RFM measures, scores, code and named segment.</summary>
public sealed record RfmView(int RecencyDays, int Frequency, decimal Monetary, int R, int F, int M, string Code, string Segment);
