using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/runs/{runId}</c>: one run with its counts and durations.</summary>
public sealed class GetRun(SegmentsApi api)
{
    /// <summary>Answers through <see cref="SegmentsApi.GetRunAsync"/>.</summary>
    [Function(nameof(GetRun))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Get, Route = RunRoutes.Run)] HttpRequest request,
        string runId,
        CancellationToken cancellationToken) =>
        api.GetRunAsync(runId, cancellationToken).ToActionResultAsync();
}
