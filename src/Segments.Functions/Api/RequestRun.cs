using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;

namespace Segments.Functions.Api;

/// <summary><c>POST /api/runs</c> with an optional body <c>{"asOf":"YYYY-MM-DD"}</c>: queues a recompute.</summary>
public sealed class RequestRun(SegmentsApi api)
{
    /// <summary>
    /// Answers through <see cref="SegmentsApi.RequestRunAsync"/>. Admin level: the runtime checks the key
    /// (header <c>x-functions-key</c> or query <c>code</c>) before the function runs, as the local host's
    /// admin-key filter does.
    /// </summary>
    [Function(nameof(RequestRun))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "runs")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return (await api.RequestRunAsync(body, cancellationToken).ConfigureAwait(false)).ToActionResult();
    }
}
