namespace Segments.Core.Recommendations;

/// <summary>A product a segment's members are likely to buy next.</summary>
/// <param name="Rank">1 for the most likely.</param>
/// <param name="Product">The product code.</param>
/// <param name="Members">Members whose top list holds it.</param>
/// <param name="Share">That count over the segment's members.</param>
/// <param name="AverageRank">Its mean rank in those lists (1 is first).</param>
public sealed record SegmentRecommendation(int Rank, string Product, int Members, double Share, double AverageRank);
