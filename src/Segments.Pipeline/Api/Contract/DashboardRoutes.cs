using System.Text;
using Microsoft.AspNetCore.Http;
using Segments.Pipeline.Dashboard;

namespace Segments.Pipeline.Api.Contract;

/// <summary>The HTML dashboard.</summary>
public static class DashboardRoutes
{
    /// <summary>The template.</summary>
    public const string Dashboard = "dashboard";

    /// <summary><c>GET /api/dashboard</c>.</summary>
    public static ApiRoute ShowDashboard { get; } = new(nameof(ShowDashboard), ApiMethods.Get, Dashboard, ApiKeyLevel.Function);

    /// <summary>The feature's routes.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } = [ShowDashboard];

    /// <summary>
    /// Builds the model with <see cref="DashboardQuery"/> and renders it; the page's own links carry the key the
    /// request came with (query <c>code</c>).
    /// </summary>
    public static async Task<ApiResponse> ShowDashboardAsync(DashboardQuery query, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(request);
        var model = await query.BuildAsync(cancellationToken).ConfigureAwait(false);
        var html = Encoding.UTF8.GetBytes(DashboardRenderer.Render(model, request.Query["code"].FirstOrDefault()));
        return ApiResponse.Streamed("text/html; charset=utf-8", (body, ct) => body.WriteAsync(html, ct).AsTask());
    }
}
