using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/segments/{name}/recommendations</c>: the active run's recommendations.</summary>
public sealed class GetSegmentRecommendations(RecommendationsApi api)
{
    /// <summary>Answers through <see cref="RecommendationRoutes.GetSegmentRecommendationsAsync"/>.</summary>
    [Function(nameof(GetSegmentRecommendations))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Get, Route = RecommendationRoutes.Segment)] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        RecommendationRoutes.GetSegmentRecommendationsAsync(api, name, request, cancellationToken).ToActionResultAsync();
}
