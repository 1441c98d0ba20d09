using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Dashboard;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/dashboard</c>: the HTML dashboard, as the local host serves it.</summary>
public sealed class ShowDashboard(DashboardQuery query)
{
    /// <summary>Answers through <see cref="DashboardRoutes.ShowDashboardAsync"/>.</summary>
    [Function(nameof(ShowDashboard))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Get, Route = DashboardRoutes.Dashboard)] HttpRequest request,
        CancellationToken cancellationToken) =>
        DashboardRoutes.ShowDashboardAsync(query, request, cancellationToken).ToActionResultAsync();
}
