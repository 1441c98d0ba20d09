using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;
using Segments.Storage.Batches;

namespace Segments.Host.Api;

/// <summary>The Batches ledger.</summary>
internal static class BatchApi
{
    public static RouteGroupBuilder MapBatchApi(this RouteGroupBuilder api)
    {
        api.MapApiRoute(BatchRoutes.ListBatches, (SegmentsApi handler, CancellationToken ct) => handler.ListBatchesAsync(ct).ToResultAsync())
            .Describe("The Batches ledger", "One row per ingested blob version: name, ETag, SHA-256, mapping, row counts, status, reason, error report, usage and costUsd.")
            .Produces<List<BatchRecord>>(200)
            .ProducesErrors(401)
            .WithTags("Batches");
        return api;
    }
}
