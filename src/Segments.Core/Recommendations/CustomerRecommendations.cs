namespace Segments.Core.Recommendations;

/// <summary>The products recommended to one customer.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Model">The model that ranked them.</param>
/// <param name="Fallback">True when the customer had no history to go on and got the best sellers.</param>
/// <param name="Items">Best first.</param>
public sealed record CustomerRecommendations(
    string CustomerId,
    RecommendationModelKind Model,
    bool Fallback,
    IReadOnlyList<Recommendation> Items);
