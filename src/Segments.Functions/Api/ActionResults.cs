using Microsoft.AspNetCore.Mvc;
using Segments.Pipeline.Api;

namespace Segments.Functions.Api;

/// <summary>
/// Turns the host-neutral <see cref="ApiResponse"/> into an MVC result (what the ASP.NET Core integration
/// of the worker executes), as the local host turns it into an <c>IResult</c>: same status, body and Location.
/// </summary>
internal static class ActionResults
{
    public static IActionResult ToActionResult(this ApiResponse response)
    {
        var result = new ObjectResult(response.Body) { StatusCode = response.StatusCode };
        return response.Location is { } location ? new WithLocation(result, location) : result;
    }

    private sealed class WithLocation(IActionResult inner, string location) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            context.HttpContext.Response.Headers.Location = location;
            return inner.ExecuteResultAsync(context);
        }
    }
}
