using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/segments/{name}/changes?fromRun=&amp;toRun=&amp;consent=</c>: who entered and who left between two runs, with their A/B group.</summary>
public sealed class GetSegmentChanges(SegmentMembersApi api)
{
    /// <summary>Answers through <see cref="SegmentRoutes.GetSegmentChangesAsync"/>.</summary>
    [Function(nameof(GetSegmentChanges))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Get, Route = SegmentRoutes.Changes)] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        SegmentRoutes.GetSegmentChangesAsync(api, name, request, cancellationToken).ToActionResultAsync();
}
