using Segments.Pipeline.Api;

namespace Segments.Host.Api;

/// <summary>Segment listings.</summary>
internal static class SegmentApi
{
    public static RouteGroupBuilder MapSegmentApi(this RouteGroupBuilder api)
    {
        api.MapGet("/segments", async (SegmentsApi handler, CancellationToken ct) =>
            (await handler.ListSegmentsAsync(ct).ConfigureAwait(false)).ToResult());
        return api;
    }
}
