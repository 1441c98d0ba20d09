namespace Segments.Host.Api;

/// <summary>
/// <c>GET /api/health</c>: anonymous and free of storage calls; load balancers probe it, and the benchmark
/// uses it as the trivial endpoint that lookups are measured against.
/// </summary>
internal static class HealthApi
{
    private static readonly HealthView Healthy = new("ok");

    public static RouteGroupBuilder MapHealthApi(this RouteGroupBuilder api)
    {
        api.MapGet("/health", () => Results.Json(Healthy))
            .AllowAnonymous()
            .Describe("GetHealth", "The host is up (anonymous)", "Answers {\"status\":\"ok\"} without touching storage.")
            .Produces<HealthView>(200)
            // Its only refusal: Kestrel answers 414 to a request line over its limit (8 KB) before any route runs.
            .Produces(414)
            .WithTags("Health");
        return api;
    }
}

/// <summary>The health answer.</summary>
/// <param name="Status">Always <c>ok</c> when the host answers.</param>
internal sealed record HealthView(string Status);
