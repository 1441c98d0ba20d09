using Segments.Pipeline.Dashboard;

namespace Segments.Host.Api;

/// <summary>The HTML dashboard.</summary>
internal static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", async (HttpRequest request, DashboardQuery query, CancellationToken ct) =>
        {
            var model = await query.BuildAsync(ct).ConfigureAwait(false);
            return Results.Content(DashboardRenderer.Render(model, request.Query["code"].FirstOrDefault()), "text/html; charset=utf-8");
        })
            .Describe("GetDashboard", "The dashboard page (HTML)", "Segment sizes, the R x F grid, RFM movement between the last two runs and run duration and cost over time, drawn on the server as SVG.")
            .Produces<string>(200, "text/html")
            .ProducesErrors(401)
            .WithTags("Dashboard");
        return api;
    }
}
