using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/segments</c>: segment sizes of the active run.</summary>
public sealed class ListSegments(SegmentsApi api)
{
    /// <summary>Answers through <see cref="SegmentsApi.ListSegmentsAsync"/>.</summary>
    [Function(nameof(ListSegments))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "segments")] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await api.ListSegmentsAsync(cancellationToken).ConfigureAwait(false)).ToActionResult();
}
