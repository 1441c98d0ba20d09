namespace Segments.Core.Recommendations;

/// <summary>One recommended product.</summary>
/// <param name="Rank">1 for the best.</param>
/// <param name="Product">The product code.</param>
/// <param name="Score">The model's score: comparable within one customer's list, not across models.</param>
/// <param name="Reason">Why, in words ("often bought with 85123A, which you bought on 2011-11-02").</param>
public sealed record Recommendation(int Rank, string Product, double Score, string Reason);
