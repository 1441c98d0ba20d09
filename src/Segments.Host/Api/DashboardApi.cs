using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Dashboard;

namespace Segments.Host.Api;

/// <summary>The HTML dashboard.</summary>
internal static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        api.MapApiRoute(DashboardRoutes.ShowDashboard, (HttpRequest request, DashboardQuery query, CancellationToken ct) =>
            DashboardRoutes.ShowDashboardAsync(query, request, ct).ToResultAsync());
        return api;
    }
}
