using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/segments/{name}/profile</c>: one segment's profile in the active run.</summary>
public sealed class GetSegmentProfile(SegmentsApi api)
{
    /// <summary>Answers through <see cref="SegmentsApi.GetSegmentProfileAsync"/>.</summary>
    [Function(nameof(GetSegmentProfile))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "segments/{name}/profile")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        (await api.GetSegmentProfileAsync(name, cancellationToken).ConfigureAwait(false)).ToActionResult();
}
