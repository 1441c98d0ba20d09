using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/segments</c>: segment sizes of the active run.</summary>
public sealed class ListSegments(SegmentsApi api)
{
    /// <summary>Answers through <see cref="SegmentsApi.ListSegmentsAsync"/>.</summary>
    [Function(nameof(ListSegments))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Get, Route = SegmentRoutes.Segments)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.ListSegmentsAsync(cancellationToken).ToActionResultAsync();
}
