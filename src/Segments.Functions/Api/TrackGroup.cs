using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Tracking;

namespace Segments.Functions.Api;

/// <summary><c>POST /api/v1/group</c> (Segment tracking API): a user's group, into the <c>events</c> container.</summary>
public sealed class TrackGroup(TrackingApi api)
{
    /// <summary>
    /// Answers through <see cref="TrackingRoutes.AcceptAsync"/>. Anonymous to the runtime: SDKs send a write key as
    /// HTTP Basic credentials, which <see cref="TrackingApi"/> checks, not a function key.
    /// </summary>
    [Function(nameof(TrackGroup))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiMethods.Post, Route = TrackingRoutes.Group)] HttpRequest request,
        CancellationToken cancellationToken) =>
        TrackingRoutes.AcceptAsync(api, TrackingRoutes.TrackGroup, request, cancellationToken).ToActionResultAsync();
}
