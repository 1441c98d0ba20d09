using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Api.Destinations;

namespace Segments.Functions.Api;

/// <summary><c>POST /api/destinations</c> (admin key): replaces <c>config/destinations.json</c> with the body.</summary>
public sealed class SetDestinations(DestinationsApi api)
{
    /// <summary>Answers through <see cref="DestinationRoutes.SetDestinationsAsync"/>.</summary>
    [Function(nameof(SetDestinations))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, ApiMethods.Post, Route = DestinationRoutes.Destinations)] HttpRequest request,
        CancellationToken cancellationToken) =>
        DestinationRoutes.SetDestinationsAsync(api, request, cancellationToken).ToActionResultAsync();
}
