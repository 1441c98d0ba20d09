using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/batches</c>: the Batches ledger.</summary>
public sealed class ListBatches(SegmentsApi api)
{
    /// <summary>Answers through <see cref="SegmentsApi.ListBatchesAsync"/>.</summary>
    [Function(nameof(ListBatches))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Get, Route = BatchRoutes.Batches)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.ListBatchesAsync(cancellationToken).ToActionResultAsync();
}
