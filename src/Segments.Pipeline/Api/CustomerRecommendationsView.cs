using Segments.Core.Recommendations;

namespace Segments.Pipeline.Api;

/// <summary>The answer of <c>GET /api/customers/{customerId}/recommendations</c>.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="RunId">The active run.</param>
/// <param name="AsOf">Its as-of.</param>
/// <param name="Model">The model that ranked them (<c>Ease</c>, <c>ItemCosine</c>, <c>Popularity</c>).</param>
/// <param name="Fallback">True when the customer had no history and got the store's best sellers.</param>
/// <param name="Recommendations">Best first.</param>
public sealed record CustomerRecommendationsView(
    string CustomerId,
    string RunId,
    DateOnly AsOf,
    string Model,
    bool Fallback,
    IReadOnlyList<Recommendation> Recommendations);
