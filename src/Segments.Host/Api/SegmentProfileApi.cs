using Segments.Pipeline.Api;

namespace Segments.Host.Api;

/// <summary>Segment profiles: who is in a segment and what they buy.</summary>
internal static class SegmentProfileApi
{
    public static RouteGroupBuilder MapSegmentProfileApi(this RouteGroupBuilder api)
    {
        api.MapGet("/segments/{name}/profile", async (string name, SegmentsApi handler, CancellationToken ct) =>
            (await handler.GetSegmentProfileAsync(name, ct).ConfigureAwait(false)).ToResult());
        return api;
    }
}
