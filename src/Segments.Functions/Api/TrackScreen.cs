using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Tracking;

namespace Segments.Functions.Api;

/// <summary><c>POST /api/v1/screen</c> (Segment tracking API): a screen view, into the <c>events</c> container.</summary>
public sealed class TrackScreen(TrackingApi api)
{
    /// <summary>
    /// Answers through <see cref="TrackingRoutes.AcceptAsync"/>. Anonymous to the runtime: SDKs send a write key as
    /// HTTP Basic credentials, which <see cref="TrackingApi"/> checks, not a function key.
    /// </summary>
    [Function(nameof(TrackScreen))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiMethods.Post, Route = TrackingRoutes.Screen)] HttpRequest request,
        CancellationToken cancellationToken) =>
        TrackingRoutes.AcceptAsync(api, TrackingRoutes.TrackScreen, request, cancellationToken).ToActionResultAsync();
}
