using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/segments/{name}/changes?fromRun=&amp;toRun=&amp;consent=</c>: who entered and who left between two runs, with their A/B group.</summary>
public sealed class GetSegmentChanges(SegmentMembersApi api)
{
    /// <summary>Answers through <see cref="SegmentMembersApi.GetChangesAsync"/>.</summary>
    [Function(nameof(GetSegmentChanges))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "segments/{name}/changes")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        (await api.GetChangesAsync(name, request.Query["fromRun"].FirstOrDefault(), request.Query["toRun"].FirstOrDefault(), request.Query["consent"].FirstOrDefault(), cancellationToken).ConfigureAwait(false)).ToActionResult();
}
