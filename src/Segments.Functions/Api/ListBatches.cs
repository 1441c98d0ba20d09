using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/batches</c>: the Batches ledger.</summary>
public sealed class ListBatches(SegmentsApi api)
{
    /// <summary>Answers through <see cref="SegmentsApi.ListBatchesAsync"/>.</summary>
    [Function(nameof(ListBatches))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "batches")] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await api.ListBatchesAsync(cancellationToken).ConfigureAwait(false)).ToActionResult();
}
