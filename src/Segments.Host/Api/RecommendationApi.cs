using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Host.Api;

/// <summary>Recommendations: a customer's next products, a segment's.</summary>
internal static class RecommendationApi
{
    public static RouteGroupBuilder MapRecommendationApi(this RouteGroupBuilder api)
    {
        api.MapApiRoute(RecommendationRoutes.GetCustomerRecommendations, (string customerId, HttpRequest request, RecommendationsApi handler, CancellationToken ct) =>
            RecommendationRoutes.GetCustomerRecommendationsAsync(handler, customerId, request, ct).ToResultAsync())
            .Describe(
                "A customer's next products",
                "The top products (Segments:Recommendations:Top, default 10) the customer has not bought yet, each with a score and a reason in words, "
                + "ranked by the model the active run chose on its holdout (docs/recommendations.md). A customer without history gets the store's best sellers, with fallback true. "
                + "Accept: text/csv gives customer_id, rank, product, score, reason.")
            .Produces<CustomerRecommendationsView>(200, "application/json", "text/csv")
            .ProducesErrors(400, 401, 404)
            .WithTags("Recommendations");

        api.MapApiRoute(RecommendationRoutes.GetSegmentRecommendations, (string name, HttpRequest request, RecommendationsApi handler, CancellationToken ct) =>
            RecommendationRoutes.GetSegmentRecommendationsAsync(handler, name, request, ct).ToResultAsync())
            .Describe(
                "The products a segment's members are most likely to buy next",
                "The products in most members' own top lists, with how many members and their mean rank. {name} is a qualified id or a bare name only one segment has. "
                + "Accept: text/csv gives every member's list (customer_id, rank, product, score, reason).")
            .Produces<SegmentRecommendationsView>(200, "application/json", "text/csv")
            .ProducesErrors(400, 401, 404)
            .WithTags("Recommendations");
        return api;
    }
}
