using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Host.Api;

/// <summary>Segment profiles: who is in a segment and what they buy.</summary>
internal static class SegmentProfileApi
{
    public static RouteGroupBuilder MapSegmentProfileApi(this RouteGroupBuilder api)
    {
        api.MapApiRoute(SegmentRoutes.GetSegmentProfile, (string name, SegmentsApi handler, CancellationToken ct) => handler.GetSegmentProfileAsync(name, ct).ToResultAsync());
        return api;
    }
}
