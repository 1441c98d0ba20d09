using Segments.Pipeline.Api;

namespace Segments.Host.Api;

/// <summary>Turns the host-neutral <see cref="ApiResponse"/> into an ASP.NET Core result.</summary>
internal static class ApiResults
{
    public static IResult ToResult(this ApiResponse response)
    {
        var json = Results.Json(response.Body, statusCode: response.StatusCode);
        return response.Location is { } location ? new WithLocation(json, location) : json;
    }

    private sealed class WithLocation(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
