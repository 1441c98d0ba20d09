using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/segments/{name}/history</c>: the segment's size in every succeeded run.</summary>
public sealed class GetSegmentHistory(SegmentMembersApi api)
{
    /// <summary>Answers through <see cref="SegmentMembersApi.GetHistoryAsync"/>.</summary>
    [Function(nameof(GetSegmentHistory))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "segments/{name}/history")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        (await api.GetHistoryAsync(name, cancellationToken).ConfigureAwait(false)).ToActionResult();
}
