using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/runs/{runId}</c>: one run with its counts and durations.</summary>
public sealed class GetRun(SegmentsApi api)
{
    /// <summary>Answers through <see cref="SegmentsApi.GetRunAsync"/>.</summary>
    [Function(nameof(GetRun))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{runId}")] HttpRequest request,
        string runId,
        CancellationToken cancellationToken) =>
        (await api.GetRunAsync(runId, cancellationToken).ConfigureAwait(false)).ToActionResult();
}
