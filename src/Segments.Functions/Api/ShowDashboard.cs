using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Dashboard;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/dashboard</c>: the HTML dashboard, as the local host serves it.</summary>
public sealed class ShowDashboard(DashboardQuery query)
{
    /// <summary>Builds the model with <see cref="DashboardQuery"/> and renders it with <see cref="DashboardRenderer"/>.</summary>
    [Function(nameof(ShowDashboard))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "dashboard")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var model = await query.BuildAsync(cancellationToken).ConfigureAwait(false);
        return new ContentResult
        {
            Content = DashboardRenderer.Render(model, request.Query["code"].FirstOrDefault()),
            ContentType = "text/html; charset=utf-8",
            StatusCode = 200,
        };
    }
}
