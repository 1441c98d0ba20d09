using Microsoft.AspNetCore.Mvc;
using Segments.Pipeline.Api;

namespace Segments.Functions.Api;

/// <summary>
/// Turns the host-neutral <see cref="ApiResponse"/> into an MVC result (what the ASP.NET Core integration
/// of the worker executes), as the local host turns it into an <c>IResult</c>: same status, headers, body
/// and Location; a streamed body (CSV exports) is written as it is produced; a body-less answer (304) has none.
/// </summary>
internal static class ActionResults
{
    public static IActionResult ToActionResult(this ApiResponse response) => new ApiActionResult(response);

    private sealed class ApiActionResult(ApiResponse response) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var http = context.HttpContext;
            foreach (var (name, value) in response.Headers)
            {
                http.Response.Headers[name] = value;
            }

            if (response.Location is { } location)
            {
                http.Response.Headers.Location = location;
            }

            switch (response.Body)
            {
                case null:
                    http.Response.StatusCode = response.StatusCode;
                    break;
                case Utf8JsonBody json:
                    http.Response.StatusCode = response.StatusCode;
                    http.Response.ContentType = "application/json; charset=utf-8";
                    await http.Response.Body.WriteAsync(json.Utf8Json, http.RequestAborted).ConfigureAwait(false);
                    break;
                case StreamedBody streamed:
                    http.Response.StatusCode = response.StatusCode;
                    http.Response.ContentType = streamed.ContentType;
                    await streamed.WriteAsync(http.Response.Body, http.RequestAborted).ConfigureAwait(false);
                    break;
                default:
                    await new ObjectResult(response.Body) { StatusCode = response.StatusCode }.ExecuteResultAsync(context).ConfigureAwait(false);
                    break;
            }
        }
    }
}
