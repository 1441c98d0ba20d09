using Microsoft.AspNetCore.Mvc;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Http;

namespace Segments.Functions.Api;

/// <summary>
/// Turns the host-neutral <see cref="ApiResponse"/> into an MVC result (what the ASP.NET Core integration of the
/// worker executes), written by <see cref="ApiResponseWriter"/> as the local host writes it.
/// </summary>
internal static class ActionResults
{
    public static IActionResult ToActionResult(this ApiResponse response) => new ApiActionResult(response);

    public static async Task<IActionResult> ToActionResultAsync(this Task<ApiResponse> response) => (await response.ConfigureAwait(false)).ToActionResult();

    private sealed class ApiActionResult(ApiResponse response) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => ApiResponseWriter.WriteAsync(response, context.HttpContext);
    }
}
