using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Api.Destinations;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/destinations/{name}</c>: one destination and its dead letters.</summary>
public sealed class GetDestination(DestinationsApi api)
{
    /// <summary>Answers through <see cref="DestinationsApi.GetAsync"/>.</summary>
    [Function(nameof(GetDestination))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Get, Route = DestinationRoutes.Destination)] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        api.GetAsync(name, cancellationToken).ToActionResultAsync();
}
