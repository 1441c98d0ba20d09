using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/runs</c>: every run, newest first.</summary>
public sealed class ListRuns(SegmentsApi api)
{
    /// <summary>Answers through <see cref="SegmentsApi.ListRunsAsync"/>.</summary>
    [Function(nameof(ListRuns))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs")] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await api.ListRunsAsync(cancellationToken).ConfigureAwait(false)).ToActionResult();
}
