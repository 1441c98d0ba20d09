using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/health</c>: anonymous, no storage call.</summary>
public sealed class GetHealth
{
    /// <summary>Answers <c>{"status":"ok"}</c>.</summary>
    [Function(nameof(GetHealth))]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new OkObjectResult(new { status = "ok" });
}
