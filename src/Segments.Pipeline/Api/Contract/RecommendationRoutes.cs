using Microsoft.AspNetCore.Http;
using Segments.Pipeline.Api.Http;

namespace Segments.Pipeline.Api.Contract;

/// <summary>Recommendations of the active run: per customer and per segment, JSON or CSV.</summary>
public static class RecommendationRoutes
{
    /// <summary>The template of one customer's recommendations.</summary>
    public const string Customer = "customers/{customerId}/recommendations";

    /// <summary>The template of a segment's recommendations.</summary>
    public const string Segment = "segments/{name}/recommendations";

    /// <summary><c>GET /api/customers/{customerId}/recommendations</c>.</summary>
    public static ApiRoute GetCustomerRecommendations { get; } = new(nameof(GetCustomerRecommendations), ApiMethods.Get, Customer, ApiKeyLevel.Function);

    /// <summary><c>GET /api/segments/{name}/recommendations</c>.</summary>
    public static ApiRoute GetSegmentRecommendations { get; } = new(nameof(GetSegmentRecommendations), ApiMethods.Get, Segment, ApiKeyLevel.Function);

    /// <summary>The feature's routes.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } = [GetCustomerRecommendations, GetSegmentRecommendations];

    /// <summary>Answers <see cref="GetCustomerRecommendations"/>; <c>Accept: text/csv</c> gives CSV.</summary>
    public static Task<ApiResponse> GetCustomerRecommendationsAsync(RecommendationsApi api, string customerId, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.GetCustomerAsync(customerId, request.WantsCsv(), cancellationToken);
    }

    /// <summary>Answers <see cref="GetSegmentRecommendations"/>; <c>Accept: text/csv</c> gives every member's list.</summary>
    public static Task<ApiResponse> GetSegmentRecommendationsAsync(RecommendationsApi api, string name, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.GetSegmentAsync(name, request.WantsCsv(), cancellationToken);
    }
}
