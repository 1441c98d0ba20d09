using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Host.Api;

/// <summary>Segment profiles: who is in a segment and what they buy.</summary>
internal static class SegmentProfileApi
{
    public static RouteGroupBuilder MapSegmentProfileApi(this RouteGroupBuilder api)
    {
        api.MapApiRoute(SegmentRoutes.GetSegmentProfile, (string name, SegmentsApi handler, CancellationToken ct) => handler.GetSegmentProfileAsync(name, ct).ToResultAsync())
            .Describe(
                "Who is in a segment and what they buy",
                "{name} is a qualified id (rfm:Champions, lifecycle:At Risk, cluster:1, rule:Name) or a bare name that names one segment only; an ambiguous bare name is 400 listing the ids. "
                + "Customers, revenue and its share, average order value, median recency, top products and countries, lifecycle mix, age bands, genders and cross-sell, as the active run computed them.")
            .Produces<SegmentProfileView>(200)
            .ProducesErrors(400, 401, 404)
            .WithTags("Segments");
        return api;
    }
}
