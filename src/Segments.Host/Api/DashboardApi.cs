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
        });
        return api;
    }
}
