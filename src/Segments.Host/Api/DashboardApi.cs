using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Dashboard;

namespace Segments.Host.Api;

/// <summary>The HTML dashboard.</summary>
internal static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        api.MapApiRoute(DashboardRoutes.ShowDashboard, (HttpRequest request, DashboardQuery query, CancellationToken ct) =>
            DashboardRoutes.ShowDashboardAsync(query, request, ct).ToResultAsync())
            .Describe("The dashboard page (HTML)", "Segment sizes, the R x F grid, RFM movement between the last two runs and run duration and cost over time, drawn on the server as SVG.")
            .Produces<string>(200, "text/html")
            .ProducesErrors(401)
            .WithTags("Dashboard");
        return api;
    }
}
