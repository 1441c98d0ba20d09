using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/runs</c> (also <c>?format=csv</c>): every run, newest first.</summary>
public sealed class ListRuns(SegmentsApi api)
{
    /// <summary>Answers through <see cref="RunRoutes.ListRunsAsync"/> (JSON, or CSV for <c>format=csv</c>).</summary>
    [Function(nameof(ListRuns))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Get, Route = RunRoutes.Runs)] HttpRequest request,
        CancellationToken cancellationToken) =>
        RunRoutes.ListRunsAsync(api, request, cancellationToken).ToActionResultAsync();
}
