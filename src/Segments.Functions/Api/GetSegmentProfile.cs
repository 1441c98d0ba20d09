using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/segments/{name}/profile</c>: one segment's profile in the active run.</summary>
public sealed class GetSegmentProfile(SegmentsApi api)
{
    /// <summary>Answers through <see cref="SegmentsApi.GetSegmentProfileAsync"/>.</summary>
    [Function(nameof(GetSegmentProfile))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Get, Route = SegmentRoutes.Profile)] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        api.GetSegmentProfileAsync(name, cancellationToken).ToActionResultAsync();
}
