using Segments.Pipeline.Api;

namespace Segments.Host.Api;

/// <summary>The Batches ledger.</summary>
internal static class BatchApi
{
    public static RouteGroupBuilder MapBatchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/batches", async (SegmentsApi handler, CancellationToken ct) =>
            (await handler.ListBatchesAsync(ct).ConfigureAwait(false)).ToResult());
        return api;
    }
}
