using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Tracking;

namespace Segments.Functions.Api;

/// <summary><c>POST /api/v1/alias</c> (Segment tracking API): a link of two ids, into the <c>events</c> container.</summary>
public sealed class TrackAlias(TrackingApi api)
{
    /// <summary>
    /// Answers through <see cref="TrackingRoutes.AcceptAsync"/>. Anonymous to the runtime: SDKs send a write key as
    /// HTTP Basic credentials, which <see cref="TrackingApi"/> checks, not a function key.
    /// </summary>
    [Function(nameof(TrackAlias))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiMethods.Post, Route = TrackingRoutes.Alias)] HttpRequest request,
        CancellationToken cancellationToken) =>
        TrackingRoutes.AcceptAsync(api, TrackingRoutes.TrackAlias, request, cancellationToken).ToActionResultAsync();
}
