using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/segments/{name}/history</c>: the segment's size in every succeeded run.</summary>
public sealed class GetSegmentHistory(SegmentMembersApi api)
{
    /// <summary>Answers through <see cref="SegmentMembersApi.GetHistoryAsync"/>.</summary>
    [Function(nameof(GetSegmentHistory))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Get, Route = SegmentRoutes.History)] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        api.GetHistoryAsync(name, cancellationToken).ToActionResultAsync();
}
