using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Host.Api;

/// <summary>
/// <c>GET /api/health</c>: anonymous and free of storage calls; load balancers probe it, and the benchmark
/// uses it as the trivial endpoint that lookups are measured against.
/// </summary>
internal static class HealthApi
{
    public static RouteGroupBuilder MapHealthApi(this RouteGroupBuilder api)
    {
        api.MapApiRoute(HealthRoutes.GetHealth, () => HealthRoutes.Answer.ToResult())
            .Describe("The host is up (anonymous)", "Answers {\"status\":\"ok\"} without touching storage.")
            .Produces<HealthView>(200)
            // Its only refusal: Kestrel answers 414 to a request line over its limit (8 KB) before any route runs.
            .Produces(414)
            .WithTags("Health");
        return api;
    }
}
