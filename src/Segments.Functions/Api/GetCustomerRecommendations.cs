using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/customers/{customerId}/recommendations</c>: the active run's recommendations.</summary>
public sealed class GetCustomerRecommendations(RecommendationsApi api)
{
    /// <summary>Answers through <see cref="RecommendationRoutes.GetCustomerRecommendationsAsync"/>.</summary>
    [Function(nameof(GetCustomerRecommendations))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Get, Route = RecommendationRoutes.Customer)] HttpRequest request,
        string customerId,
        CancellationToken cancellationToken) =>
        RecommendationRoutes.GetCustomerRecommendationsAsync(api, customerId, request, cancellationToken).ToActionResultAsync();
}
