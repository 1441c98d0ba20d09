using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Api.Destinations;

namespace Segments.Functions.Api;

/// <summary><c>POST /api/destinations/{name}/replay</c> (admin key): sends dead letters and held deliveries again.</summary>
public sealed class ReplayDestination(DestinationsApi api)
{
    /// <summary>Answers through <see cref="DestinationsApi.ReplayAsync"/>.</summary>
    [Function(nameof(ReplayDestination))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, ApiMethods.Post, Route = DestinationRoutes.Replay)] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        api.ReplayAsync(name, cancellationToken).ToActionResultAsync();
}
