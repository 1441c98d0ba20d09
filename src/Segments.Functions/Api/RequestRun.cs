using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Functions.Api;

/// <summary><c>POST /api/runs</c> with an optional body <c>{"asOf":"YYYY-MM-DD"}</c>: queues a recompute.</summary>
public sealed class RequestRun(SegmentsApi api)
{
    /// <summary>
    /// Answers through <see cref="RunRoutes.RequestRunAsync"/>. Admin level: the runtime checks the key
    /// (header <c>x-functions-key</c> or query <c>code</c>) before the function runs, as the local host's
    /// key middleware does.
    /// </summary>
    [Function(nameof(RequestRun))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, ApiMethods.Post, Route = RunRoutes.Runs)] HttpRequest request,
        CancellationToken cancellationToken) =>
        RunRoutes.RequestRunAsync(api, request, cancellationToken).ToActionResultAsync();
}
