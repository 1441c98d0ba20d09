using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Api.Destinations;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/destinations</c>: every destination with its deliveries, and the configuration's errors.</summary>
public sealed class ListDestinations(DestinationsApi api)
{
    /// <summary>Answers through <see cref="DestinationsApi.ListAsync"/>.</summary>
    [Function(nameof(ListDestinations))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Get, Route = DestinationRoutes.Destinations)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.ListAsync(cancellationToken).ToActionResultAsync();
}
