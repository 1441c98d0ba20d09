using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api.Contract;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/health</c>: anonymous, no storage call.</summary>
public sealed class GetHealth
{
    /// <summary>Answers <c>{"status":"ok"}</c> (<see cref="HealthRoutes.Answer"/>).</summary>
    [Function(nameof(GetHealth))]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiMethods.Get, Route = HealthRoutes.Health)] HttpRequest request) =>
        HealthRoutes.Answer.ToActionResult();
}
